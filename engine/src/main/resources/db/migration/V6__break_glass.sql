-- Break-glass: access beyond a user's role to one patient's clinical data, with a reason, for a limited time, and
-- reviewed afterwards by compliance. The reason may describe the clinical situation: encrypted like other PHI.
create table break_glass_grant (
    id           bigint        not null auto_increment primary key,
    username     varchar(64)   not null,
    patient_id   bigint        not null,
    reason       varchar(2000) not null,
    granted_at   timestamp(6)  not null,
    expires_at   timestamp(6)  not null,
    reviewed_by  varchar(64),
    reviewed_at  timestamp(6),
    version      bigint        not null default 0
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_break_glass_user_patient on break_glass_grant (username, patient_id, expires_at);
create index ix_break_glass_unreviewed on break_glass_grant (reviewed_at, granted_at);

-- Documents with clinical content (the health history in an intake packet, say) are shown to clinical roles only.
alter table document add column clinical boolean not null default false;
