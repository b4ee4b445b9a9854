-- The police named on a referral become a party when it is sent, or earlier when the agency asks
-- them for early intervention or consultation; this records the latter.
alter table referral add column police_invited boolean not null default false;
update referral r set police_invited = true
 where exists (select 1 from referral_history h where h.referral_id = r.id
               and (h.step = 'REQUEST_EARLY_INTERVENTION'
                    or h.step = 'REQUEST_CONSULTATION' and (h.target_agency is null or h.target_agency = r.police_code)));
