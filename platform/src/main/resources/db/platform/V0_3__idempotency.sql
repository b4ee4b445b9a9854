-- Idempotent writes: the first response to each (agency, key), stored in the transaction of its effect,
-- so that a repeated request is answered from here and changes nothing.
create table idempotency_record (
    agency_code  text        not null,
    idem_key     text        not null,
    request_hash text        not null,
    status       integer     not null,
    body         text        not null,
    created_at   timestamptz not null default now(),
    primary key (agency_code, idem_key)
);
create index idempotency_record_created on idempotency_record (created_at);
