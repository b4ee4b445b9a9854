-- Transactional outbox: each state change and the CloudEvent announcing it commit together.
create table outbox_event (
    id           bigserial primary key,
    event_id     text        not null,
    source       text        not null,
    type         text        not null,
    subject      text,
    topic        text        not null,
    record_key   text        not null,
    event_time   timestamptz not null,
    data         text        not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);

create unique index outbox_event_identity on outbox_event (source, event_id);
create index outbox_event_unpublished on outbox_event (id) where published_at is null;

-- Wake the relay at commit time instead of waiting for its poll.
create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('xianjie_outbox', '');
    return null;
end;
$$;

create trigger outbox_event_inserted
    after insert on outbox_event
    for each statement execute function outbox_event_notify();
