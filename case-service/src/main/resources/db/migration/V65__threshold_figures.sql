-- The remaining figures the criminal filing thresholds use (法释〔2025〕5号): trade-secret loss or
-- gains (art. 219), whether the counterfeited marks are service marks (art. 213), and the online
-- figures of copyright infringement (art. 217). Null means "not established".
alter table admin_case
    add column loss_or_gains      numeric(15, 2),
    add column service_mark       boolean,
    add column online_works       bigint,
    add column downloads          bigint,
    add column clicks             bigint,
    add column registered_members bigint;
