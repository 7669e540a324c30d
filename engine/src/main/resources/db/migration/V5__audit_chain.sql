-- Tamper evidence for the audit trail. audit_event stays as written; the chain and the checkpoints are tables of
-- their own, so that the application's database user needs only INSERT and SELECT on all three (docs/compliance.md).

-- One link per audit event, in the order they were sealed: hash = SHA-256(prev_hash, the event's columns).
create table audit_chain (
    seq        bigint       not null primary key,
    event_id   bigint       not null,
    prev_hash  char(64)     not null,
    hash       char(64)     not null,
    sealed_at  timestamp(6) not null,
    constraint uq_audit_chain_event unique (event_id)
) engine = InnoDB default charset = ascii;

create index ix_audit_chain_sealed on audit_chain (sealed_at);

-- The chain's head at a moment, signed with HMAC-SHA256 under a key kept outside the database.
create table audit_checkpoint (
    id          bigint       not null auto_increment primary key,
    seq         bigint       not null,
    hash        char(64)     not null,
    created_at  timestamp(6) not null,
    key_id      varchar(16)  not null,
    signature   char(64)     not null,
    constraint uq_audit_checkpoint_seq unique (seq)
) engine = InnoDB default charset = ascii;

-- One row that sealers lock (select ... for update), so that one of them at a time extends the chain.
create table audit_chain_lock (
    id int not null primary key
) engine = InnoDB;

insert into audit_chain_lock (id) values (1);
