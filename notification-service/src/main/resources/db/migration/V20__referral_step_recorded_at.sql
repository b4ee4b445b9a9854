-- When each referral step was recorded by referral-service (occurred_at is when the act happened).
alter table referral_step add column recorded_at timestamptz;
update referral_step set recorded_at = occurred_at;
alter table referral_step alter column recorded_at set not null;
