-- Facts and amounts the criminal filing thresholds need, the penalty decision (行政处罚决定) and closing.
alter table admin_case
    add column illegal_business_volume numeric(15, 2),
    add column illegal_gains           numeric(15, 2),
    add column sales                   numeric(15, 2),
    add column unsold_goods_value      numeric(15, 2),
    add column copies                  integer,
    add column marks                   integer,
    -- Parties as JSON: names, kinds, masked identity numbers and their SHA-256; never the clear number.
    add column parties                 text not null default '[]',
    add column penalty_decision_number text,
    add column penalty_decision_date   date,
    add column penalty_fine            numeric(15, 2),
    add column penalty_confiscation    numeric(15, 2),
    add column penalty_other_measures  text,
    add column closed_on               date,
    add column close_reason            text,
    add column evidence_count          integer not null default 0;

create index admin_case_agency on admin_case (agency_code, created_at desc, id desc);
create index admin_case_listing on admin_case (created_at desc, id desc);

-- Evidence items (证据): what the file is and its SHA-256, who recorded it and when.
create table evidence_item (
    id          uuid primary key,
    case_id     uuid        not null references admin_case (id),
    type        text        not null,
    description text        not null,
    sha256      text        not null,
    recorded_by text        not null,
    recorded_at timestamptz not null,
    created_at  timestamptz not null,
    constraint evidence_digest_once_per_case unique (case_id, sha256)
);

-- The case's history: each accepted change (same transaction) and each referral step learned from events.
create table case_timeline (
    id           bigserial primary key,
    case_id      uuid        not null references admin_case (id),
    occurred_at  timestamptz not null,
    actor_agency text        not null,
    actor_user   text,
    action       text        not null,
    summary      text        not null,
    event_type   text,
    event_id     text
);
create index case_timeline_case on case_timeline (case_id, id);
create index case_reader_agency on case_reader (agency_code, case_id);
