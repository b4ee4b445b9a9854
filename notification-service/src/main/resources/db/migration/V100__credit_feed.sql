-- Credit feed (联合奖惩): the last published version of each case's public penalty decision, and the
-- deliveries of its CloudEvents to the credit-sharing platform with every attempt (the audit log).
create table credit_feed_decision (
    case_id          uuid        primary key,
    decision_version int         not null,
    fingerprint      text        not null,
    updated_at       timestamptz not null
);

create table credit_feed_delivery (
    id               bigserial   primary key,
    event_id         uuid        not null unique,
    case_id          uuid        not null,
    decision_version int         not null,
    decision_number  text        not null,
    event_type       text        not null,
    payload          text        not null,
    status           text        not null,
    attempts         int         not null default 0,
    next_attempt_at  timestamptz not null,
    last_status      int,
    last_error       text,
    created_at       timestamptz not null default now(),
    delivered_at     timestamptz,
    -- exactly one event per version of a decision
    unique (case_id, decision_version)
);

create index credit_feed_delivery_due on credit_feed_delivery (next_attempt_at) where status = 'PENDING';
create index credit_feed_delivery_order on credit_feed_delivery (case_id, id) where status = 'PENDING';

create table credit_feed_attempt (
    id           bigserial   primary key,
    delivery_id  bigint      not null references credit_feed_delivery (id) on delete cascade,
    attempt      int         not null,
    attempted_at timestamptz not null,
    status_code  int,
    error        text,
    duration_ms  bigint      not null
);

create index credit_feed_attempt_by_delivery on credit_feed_attempt (delivery_id, id);
