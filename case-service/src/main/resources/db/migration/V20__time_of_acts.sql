-- When an act happened (occurred_at, stated by the agency or the CloudEvent time) and when
-- case-service recorded it. Older entries: the act is taken to have happened when it was recorded.
alter table case_timeline add column recorded_at timestamptz;
update case_timeline set recorded_at = occurred_at;
alter table case_timeline alter column recorded_at set not null;

-- The time of the case's latest act: a new act may not be stated before it.
alter table admin_case add column last_act_at timestamptz;
update admin_case c set last_act_at = (
    select max(t.occurred_at) from case_timeline t
    where t.case_id = c.id and t.action not like 'referral:%' and t.action not like 'state:%');
