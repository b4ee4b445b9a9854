-- When the case was opened (立案), as case-service's opened event states it: a referral report
-- cannot have been made before the case it reports (ReferralService refuses it with 409).
-- Cases announced before acts carried their times have none, and are not checked.
alter table known_case add column opened_at timestamptz;
