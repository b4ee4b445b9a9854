-- The retention pruner deletes by age in small batches; these keep each batch an index range scan.
create index outbox_event_published on outbox_event (published_at) where published_at is not null;
create index processed_event_processed on processed_event (processed_at);
