-- 行政处罚决定审查: a procuratorate's review of a penalty decision and its outcome. A decision may
-- be reviewed more than once (by the district and by the city above it, or again after new facts);
-- each review is a row, so "penalty decisions reviewed" counts distinct cases.
create table penalty_review (
    id                 uuid primary key,
    case_id            uuid        not null references known_case (case_id),
    region             text        not null,
    agency_code        text        not null,
    decision_date      date        not null,
    procuratorate_code text        not null,
    outcome            text        not null,
    note               text        not null,
    reviewed_by        text        not null,
    occurred_at        timestamptz not null,
    recorded_at        timestamptz not null
);
create index penalty_review_case on penalty_review (case_id);
-- Penalty decisions are listed by region prefix (a procuratorate and the regions beneath it).
create index known_case_region_decided on known_case (region text_pattern_ops) where decision_date is not null;
