-- Idempotent consumption: the events a service has processed, stored with their effects.
create table processed_event (
    source       text        not null,
    event_id     text        not null,
    type         text,
    processed_at timestamptz not null default now(),
    primary key (source, event_id)
);
