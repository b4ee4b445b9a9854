-- Evidences of delivery (ETSI REM-like 送达证据): signed statements that a sent item was accepted by
-- the suite, delivered to the addressee's system, or retrieved by a person of the addressee.
create table delivery_evidence (
    id            uuid        primary key,
    subject_type  text        not null,
    subject_id    text        not null,
    evidence_type text        not null,
    sender        text,
    addressee     text        not null,
    at            timestamptz not null,
    payload       text        not null,
    signature     text        not null,
    key_id        text        not null
);
create index delivery_evidence_subject on delivery_evidence (subject_type, subject_id, at);
