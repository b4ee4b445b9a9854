-- Parties of known cases, by the SHA-256 of their identity numbers (never in clear), so that a
-- repeat offender (二年内因同类行为受过行政处罚) is recognised from the suite's own records.
create table known_case_party (
    case_id       uuid not null references known_case (case_id),
    identity_hash text not null,
    primary key (case_id, identity_hash)
);
create index known_case_party_hash on known_case_party (identity_hash);
