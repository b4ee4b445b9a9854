-- The reverse direction (不刑不罚): a case returned for administrative handling (police found no
-- crime, the procuratorate accepted the police's reasons, or sent a procuratorial opinion after
-- non-prosecution) that gets no penalty decision within the limit raises one lead, ever.
create unique index lead_once_no_penalty_after_return on lead (case_id)
    where origin = 'NO_PENALTY_AFTER_RETURN';
