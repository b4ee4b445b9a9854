-- The facts of a case the yearly figures and the fine set-off need, as case events announced them:
-- when the case was filed (opened) and closed, its value, the penalty's fine and confiscation.
create table case_fact (
    case_id        uuid primary key,
    agency_code    text        not null,
    region         text        not null,
    opened_at      timestamptz,
    closed_at      timestamptz,
    case_value     numeric(18, 2),
    penalty_fine   numeric(18, 2),
    confiscation   numeric(18, 2),
    decision_date  date,
    version        bigint      not null
);
create index case_fact_region on case_fact (region text_pattern_ops);
