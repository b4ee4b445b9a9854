-- 犯罪嫌疑人: the persons and companies of a referral, with their charges and what was decided for
-- each. The identity number is kept only as keyed hashes (HMAC, platform IdentityHasher) and a
-- last-4 mask; never in clear.
create table referral_suspect (
    id                       uuid primary key,
    referral_id              uuid        not null references referral (id),
    case_id                  uuid        not null,
    kind                     text        not null,
    name                     text        not null,
    identity_hashes          text        not null,
    masked_identity_number   text        not null,
    role                     text        not null,
    charges                  text        not null,
    recorded_by              text        not null,
    recorded_at              timestamptz not null,
    arrest_requested_at      timestamptz,
    arrest_decision          text,
    arrest_decided_at        timestamptz,
    prosecution_decision     text,
    prosecution_decided_at   timestamptz,
    court_accepted_at        timestamptz,
    verdict                  text,
    imprisonment_months      integer,
    probation_months         integer,
    criminal_fine            numeric(16, 2),
    administrative_fine_set_off numeric(16, 2),
    fine_due                 numeric(16, 2),
    judged_at                timestamptz
);
create index referral_suspect_referral on referral_suspect (referral_id);
create index referral_suspect_case on referral_suspect (case_id);
