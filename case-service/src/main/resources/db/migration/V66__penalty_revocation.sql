-- 行政处罚决定的撤销: the deciding agency's revocation of its penalty decision. The decision's own
-- columns stay as they were, so the record still shows what was revoked; both are null while the
-- decision stands (and again once a new decision is recorded).
alter table admin_case
    add column penalty_revoked_at        timestamptz,
    add column penalty_revocation_reason text;
