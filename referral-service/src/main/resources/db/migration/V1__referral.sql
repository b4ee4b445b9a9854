-- Referrals (移送): one row per referral, its parties and where it stands. Optimistic locking on version.
create table referral (
    id                 uuid primary key,
    case_id            uuid        not null,
    case_number        text        not null,
    case_title         text        not null,
    category           text        not null,
    region             text        not null,
    agency_code        text        not null,
    police_code        text,
    procuratorate_code text,
    court_code         text,
    forwarded_from     text,
    state              text        not null,
    case_team          text,
    last_receipt_at    timestamptz,
    case_conflict      text,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    version            bigint      not null default 0
);
create index referral_case on referral (case_id);
create index referral_region_state on referral (region, state);
create index referral_agency on referral (agency_code);
create index referral_police on referral (police_code);

-- Every step taken: who, what, when, why (full history, append only).
create table referral_history (
    id            bigserial primary key,
    referral_id   uuid        not null references referral (id),
    step          text        not null,
    from_state    text,
    to_state      text        not null,
    actor_agency  text        not null,
    actor_user    text,
    actor_role    text,
    reason        text,
    note          text,
    target_agency text,
    attachments   text,
    remarks       text,
    occurred_at   timestamptz not null
);
create index referral_history_referral on referral_history (referral_id, id);

-- Statutory time limits running on a referral. reminded_at / breached_at are claimed with
-- "for update skip locked" in the transaction that writes the event to the outbox: each fires once.
create table deadline (
    id                 bigserial primary key,
    referral_id        uuid        not null references referral (id),
    case_id            uuid        not null,
    code               text        not null,
    party              text        not null,
    responsible_agency text,
    kind               text        not null,
    opened_at          timestamptz not null,
    counted_from       timestamptz not null,
    due_at             timestamptz not null,
    reminder_at        timestamptz not null,
    reminded_at        timestamptz,
    breached_at        timestamptz,
    closed_at          timestamptz,
    closed_by          text,
    warnings           text
);
create index deadline_referral on deadline (referral_id);
create index deadline_reminder_due on deadline (reminder_at) where reminded_at is null and closed_at is null;
create index deadline_breach_due on deadline (due_at) where breached_at is null and closed_at is null;

-- Cases as case-service announces them (event-carried state): owner, numbers and amounts for leads.
create table known_case (
    case_id       uuid primary key,
    agency_code   text        not null,
    case_number   text,
    title         text,
    category      text,
    region        text,
    state         text,
    amounts       text,
    decision_date date,
    version       bigint      not null,
    updated_at    timestamptz not null
);

-- Supervision leads (监督线索, possible 以罚代刑) for the procuratorate of a region.
create table lead (
    id                 uuid primary key,
    case_id            uuid        not null,
    case_number        text,
    case_title         text,
    category           text,
    region             text        not null,
    agency_code        text        not null,
    procuratorate_code text        not null,
    state              text        not null,
    rule_set           text        not null,
    values_from        text        not null,
    offence            text        not null,
    condition_id       text        not null,
    condition_text     text        not null,
    figure             text        not null,
    figure_value       numeric     not null,
    threshold          numeric     not null,
    grounds            text        not null,
    decision_date      date,
    reason             text,
    decided_by         text,
    decided_at         timestamptz,
    raised_at          timestamptz not null,
    version            bigint      not null default 0
);
create unique index lead_one_open_per_case on lead (case_id) where state = 'OPEN';
create index lead_procuratorate on lead (procuratorate_code, state);

-- Working calendar (工作日历): one row per year, seeded from rules/working-calendar.json, extended by operators.
create table calendar_year (
    year          integer primary key,
    rest_days     text        not null,
    make_up_days  text        not null,
    updated_by    text        not null,
    updated_at    timestamptz not null
);
