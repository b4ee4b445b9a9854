-- Administrative cases (行政执法案件) as the agencies record them.
create table admin_case (
    id              uuid primary key,
    agency_code     text        not null,
    case_number     text        not null,
    category        text        not null,
    region          text        not null,
    title           text        not null,
    summary         text,
    state           text        not null,
    opened_on       date        not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint      not null default 0,
    constraint admin_case_number_per_agency unique (agency_code, case_number)
);
create index admin_case_region on admin_case (region, created_at);

-- Agencies that became parties of a case through its referral (learned from referral events).
create table case_reader (
    case_id     uuid not null references admin_case (id),
    agency_code text not null,
    since       timestamptz not null,
    primary key (case_id, agency_code)
);
