-- Every version of every form. Packaged forms (forms/<feature>/<key>.json) get a new version at start-up when their
-- content changes; an open task keeps the version it was created with.
create table form_version (
    id          bigint       not null auto_increment primary key,
    form_key    varchar(100) not null,
    version     int          not null,
    feature     varchar(50)  not null,
    sha256      varchar(64)  not null,
    definition  longtext     not null,
    source      varchar(20)  not null,
    created_at  timestamp(6) not null,
    constraint uk_form_version unique (form_key, version)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- Unvalidated work in progress on a task, per user, until the task is completed.
create table task_draft (
    task_id     varchar(64)  not null,
    username    varchar(64)  not null,
    data        longtext     not null,
    saved_at    timestamp(6) not null,
    primary key (task_id, username)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- What was submitted on each completed task, with the form version it was validated against.
create table task_submission (
    id                  bigint       not null auto_increment primary key,
    task_id             varchar(64)  not null,
    task_name           varchar(255) not null,
    task_definition_key varchar(255) not null,
    process_instance_id varchar(64)  not null,
    process_key         varchar(255) not null,
    business_key        varchar(255),
    patient_id          bigint,
    form_key            varchar(100) not null,
    form_version        int          not null,
    data                longtext     not null,
    submitted_by        varchar(64)  not null,
    submitted_at        timestamp(6) not null,
    document_id         bigint,
    constraint uk_task_submission_task unique (task_id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_task_submission_instance on task_submission (process_instance_id);
create index ix_task_submission_patient on task_submission (patient_id);

-- Generated documents (PDF): the bytes, their SHA-256, who made them and when.
create table document (
    id                  bigint       not null auto_increment primary key,
    type                varchar(50)  not null,
    title               varchar(255) not null,
    media_type          varchar(100) not null,
    content             longblob     not null,
    sha256              varchar(64)  not null,
    size_bytes          bigint       not null,
    patient_id          bigint,
    process_instance_id varchar(64),
    created_by          varchar(64)  not null,
    created_at          timestamp(6) not null
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_document_patient on document (patient_id);
create index ix_document_instance on document (process_instance_id);
