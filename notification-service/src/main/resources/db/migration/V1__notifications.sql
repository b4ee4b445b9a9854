-- Per-agency sequence of notifications: the stream's event id. Allocating it with a row lock held
-- until commit makes one agency's notifications commit in sequence order, so a reader that has
-- seen seq N never later finds a committed N-1 (no gap on resume).
create table agency_sequence (
    agency   text primary key,
    last_seq bigint not null
);

create table notification (
    id            uuid primary key,
    agency        text        not null,
    seq           bigint      not null,
    role          text,
    urgency       text        not null,
    event_type    text        not null,
    event_source  text        not null,
    event_id      text        not null,
    step          text,
    referral_id   uuid,
    case_id       uuid,
    case_number   text,
    title_zh      text        not null,
    title_en      text        not null,
    detail        jsonb       not null default '{}'::jsonb,
    escalation_of uuid,
    created_at    timestamptz not null,
    read_at       timestamptz,
    read_by       text,
    escalated_at  timestamptz,
    unique (agency, seq)
);

create index notification_unread on notification (agency, seq) where read_at is null;
create index notification_escalation_due on notification (created_at)
    where urgency = 'URGENT' and read_at is null and escalated_at is null and escalation_of is null;

-- Every replica's stream hub listens: the payload names the agency whose inbox grew.
create function notification_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('xianjie_notification', new.agency);
    return null;
end;
$$;

create trigger notification_inserted
    after insert on notification
    for each row execute function notification_notify();

-- The referral as the console shows it: latest snapshot plus every step.
create table referral_view (
    referral_id   uuid primary key,
    case_id       uuid,
    case_number   text,
    case_title    text,
    state         text,
    agency        text,
    police        text,
    procuratorate text,
    court         text,
    deadlines     jsonb       not null default '[]'::jsonb,
    version       bigint      not null,
    updated_at    timestamptz not null
);

create table referral_step (
    id           bigserial primary key,
    referral_id  uuid        not null references referral_view (referral_id),
    event_type   text        not null,
    step         text,
    state        text,
    actor_agency text,
    actor_user   text,
    reason       text,
    deadline     jsonb,
    occurred_at  timestamptz not null
);

create index referral_step_by_referral on referral_step (referral_id, occurred_at, id);

create table webhook_endpoint (
    id          uuid primary key,
    agency      text        not null,
    url         text        not null,
    description text,
    event_types text[]      not null,
    secret      text        not null,
    created_at  timestamptz not null,
    created_by  text        not null
);

create index webhook_endpoint_by_agency on webhook_endpoint (agency);

-- Deliveries are written in the notification's transaction (outbox-like) and worked off by the
-- webhook worker; ordering_key = case (or referral) so one endpoint sees a case's events in order.
create table webhook_delivery (
    id              bigserial primary key,
    endpoint_id     uuid        not null references webhook_endpoint (id) on delete cascade,
    notification_id uuid        not null,
    agency          text        not null,
    ordering_key    text        not null,
    event_type      text        not null,
    payload         text        not null,
    status          text        not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_status     int,
    last_error      text,
    created_at      timestamptz not null default now(),
    delivered_at    timestamptz,
    unique (endpoint_id, notification_id)
);

create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_order on webhook_delivery (endpoint_id, ordering_key, id) where status = 'PENDING';

create table webhook_attempt (
    id           bigserial primary key,
    delivery_id  bigint      not null references webhook_delivery (id) on delete cascade,
    attempt      int         not null,
    attempted_at timestamptz not null,
    status_code  int,
    error        text,
    duration_ms  bigint      not null
);

create index webhook_attempt_by_delivery on webhook_attempt (delivery_id, id);
