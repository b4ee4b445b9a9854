-- Information sharing between agencies (信息共享): major-case bulletins, clues, consultations,
-- early interventions and joint meetings. One row per item; its addressees, acts, tasks and
-- limits hang off it. Every writer of an item locks its row first (as with referrals).
create table sharing_item (
    id             uuid primary key,
    kind           text        not null,
    sender_agency  text        not null,
    sender_user    text,
    region         text        not null,
    title          text        not null,
    content        text        not null,
    case_id        uuid,
    case_number    text,
    referral_id    uuid,
    linked_case_id uuid,
    state          text        not null,
    occurred_at    timestamptz not null,
    recorded_at    timestamptz not null,
    version        bigint      not null default 0
);
create index sharing_item_sender on sharing_item (sender_agency, kind);
create index sharing_item_case on sharing_item (case_id);

-- Who an item is addressed to (a meeting's participants and task assignees) and where each stands.
create table sharing_addressee (
    id             bigserial primary key,
    item_id        uuid        not null references sharing_item (id),
    agency_code    text        not null,
    state          text        not null,
    forwarded_from text,
    added_at       timestamptz not null,
    read_at        timestamptz,
    replied_at     timestamptz,
    reply          text,
    unique (item_id, agency_code)
);
create index sharing_addressee_agency on sharing_addressee (agency_code);

-- Every act on an item, append only: who, what, when (occurred and recorded), in their words.
create table sharing_entry (
    id           bigserial primary key,
    item_id      uuid        not null references sharing_item (id),
    act          text        not null,
    actor_agency text        not null,
    actor_user   text,
    text         text,
    occurred_at  timestamptz not null,
    recorded_at  timestamptz not null
);
create index sharing_entry_item on sharing_entry (item_id, id);

-- Follow-up tasks of a joint meeting (会议任务), assigned to agencies.
create table sharing_task (
    id          uuid primary key,
    item_id     uuid        not null references sharing_item (id),
    assignee    text        not null,
    description text        not null,
    due_on      date        not null,
    state       text        not null,
    result      text,
    done_at     timestamptz
);
create index sharing_task_item on sharing_task (item_id);

-- Reply limits and task deadlines of shared items: the same marks as the referral deadline table
-- (reminded_at / breached_at claimed under the item's row lock in the transaction that writes the
-- event), kept apart because a shared item is not a referral.
create table sharing_deadline (
    id                 bigserial primary key,
    item_id            uuid        not null references sharing_item (id),
    code               text        not null,
    responsible_agency text        not null,
    task_id            uuid,
    counted_from       timestamptz not null,
    opened_at          timestamptz not null,
    due_at             timestamptz not null,
    reminder_at        timestamptz not null,
    reminded_at        timestamptz,
    breached_at        timestamptz,
    closed_at          timestamptz,
    closed_by          text,
    warnings           text
);
create index sharing_deadline_item on sharing_deadline (item_id);
create index sharing_deadline_reminder_due on sharing_deadline (reminder_at) where reminded_at is null and closed_at is null;
create index sharing_deadline_breach_due on sharing_deadline (due_at) where breached_at is null and closed_at is null;
