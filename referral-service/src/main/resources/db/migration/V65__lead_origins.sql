-- Leads now come from more than the threshold screening of a new penalty decision: from
-- re-screening past decisions when a threshold rule set is added or changed, and from a
-- procuratorate's review of a penalty decision with outcome LEAD_RAISED. Only threshold leads name
-- a rule, a figure and a threshold; a review's lead states its grounds in the review's note.
alter table lead
    add column origin    text not null default 'THRESHOLD_SCREENING',
    add column review_id uuid,
    alter column rule_set drop not null,
    alter column values_from drop not null,
    alter column offence drop not null,
    alter column condition_id drop not null,
    alter column condition_text drop not null,
    alter column figure drop not null,
    alter column figure_value drop not null,
    alter column threshold drop not null;

-- Re-screening raises at most one lead per case and rule set, however often it runs.
create unique index lead_once_per_rescreened_rule_set on lead (case_id, rule_set)
    where origin = 'RULE_SET_RESCREENING';

-- The review that raised a lead names it (and the lead names the review).
alter table penalty_review add column lead_id uuid;

-- Which version (content fingerprint) of each threshold rule set past decisions were last screened
-- against; a rule set added or changed since is screened again over its effective period.
create table threshold_screening (
    rule_set_id   text primary key,
    fingerprint   text        not null,
    screened_at   timestamptz not null,
    cases_screened integer    not null,
    leads_raised  integer     not null
);
