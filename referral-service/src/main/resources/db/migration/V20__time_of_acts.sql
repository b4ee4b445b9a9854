-- When an act happened (occurred_at, stated by the acting agency) and when the suite recorded it.
-- Rows from before: the act is taken to have happened when it was recorded.
alter table referral_history add column recorded_at timestamptz;
update referral_history set recorded_at = occurred_at;
alter table referral_history alter column recorded_at set not null;

-- Every act the suite knows of (referral steps, and case acts learned from case events), with
-- its entry delay, for the procuratorate's data-quality view. entered_late is judged when the act
-- is recorded, by the working calendar and the threshold then in force.
create table act_entry (
    id            bigserial primary key,
    origin        text        not null,
    act           text        not null,
    agency_code   text        not null,
    agency_type   text        not null,
    region        text        not null,
    case_id       uuid        not null,
    referral_id   uuid,
    case_number   text,
    occurred_at   timestamptz not null,
    recorded_at   timestamptz not null,
    delay_seconds bigint      not null,
    entered_late  boolean     not null,
    decision_date date,
    event_id      text
);
create index act_entry_region_occurred on act_entry (region, occurred_at);
create unique index act_entry_event on act_entry (event_id) where event_id is not null;
