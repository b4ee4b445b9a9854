-- Tamper-evident record (案件记录哈希链): each case's events in a hash chain, the chain heads sealed
-- into signed checkpoints. The entries keep their own copy of each event: outbox rows are pruned.
create table record_chain_entry (
    id            bigserial primary key,
    chain_key     text        not null,
    seq           bigint      not null,
    entry_kind    text        not null,
    entry_id      text        not null,
    entry         text        not null,
    previous_hash text        not null,
    hash          text        not null,
    recorded_at   timestamptz not null default now(),
    unique (chain_key, seq)
);

-- The head of each chain: the row appenders lock to append one at a time, and what the sealer reads.
create table record_chain_head (
    chain_key  text   primary key,
    seq        bigint not null,
    hash       text   not null,
    sealed_seq bigint not null default 0
);
create index record_chain_head_unsealed on record_chain_head (chain_key) where seq > sealed_seq;

create table integrity_checkpoint (
    id          uuid        primary key,
    issuer      text        not null,
    sealed_at   timestamptz not null,
    payload     text        not null,
    payload_hash text       not null,
    signature   text        not null,
    key_id      text        not null
);
create index integrity_checkpoint_sealed on integrity_checkpoint (sealed_at desc);

create table integrity_checkpoint_head (
    id            bigserial primary key,
    checkpoint_id uuid   not null references integrity_checkpoint (id),
    chain_key     text   not null,
    seq           bigint not null,
    hash          text   not null
);
create index integrity_checkpoint_head_chain on integrity_checkpoint_head (chain_key, seq desc);
