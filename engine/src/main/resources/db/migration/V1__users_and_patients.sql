-- Accounts of the people (and system accounts) who sign in. Deactivated, never deleted.
create table user_account (
    id                  bigint       not null auto_increment primary key,
    username            varchar(64)  not null,
    display_name        varchar(200) not null,
    password_hash       varchar(100) not null,
    active              boolean      not null default true,
    created_at          timestamp(6) not null,
    password_changed_at timestamp(6) not null,
    version             bigint       not null default 0,
    constraint uk_user_account_username unique (username)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table user_account_role (
    user_id bigint      not null,
    role    varchar(32) not null,
    primary key (user_id, role),
    constraint fk_user_account_role_user foreign key (user_id) references user_account (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- Registered patients; the intake feature extends this table.
create table patient (
    id          bigint       not null auto_increment primary key,
    mrn         varchar(20)  not null,
    given_name  varchar(100) not null,
    family_name varchar(100) not null,
    birth_date  date         not null,
    version     bigint       not null default 0,
    constraint uk_patient_mrn unique (mrn)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_patient_family_name on patient (family_name);
