-- Escalating a lead opens supervision of the missed referral (立案监督 / 监督移送): the
-- procuratorate asks the agency to refer the case, with a time limit counted as DOMAIN.md says.
-- The request is met when a referral of the case is opened; otherwise it becomes overdue once.
alter table lead
    add column referral_requested_at timestamptz,
    add column referral_due_at       timestamptz,
    add column referral_due_warnings text,
    add column referral_id           uuid,
    add column referred_at           timestamptz,
    add column referral_overdue_at   timestamptz;

create index lead_referral_awaited on lead (referral_due_at)
    where state = 'ESCALATED' and referral_id is null;
