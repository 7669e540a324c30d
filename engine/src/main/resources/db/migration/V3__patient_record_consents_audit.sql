-- The patient record of the intake feature. Identifying and clinical columns hold AES-GCM ciphertext written by
-- the application (org.healthcrm.platform.crypto); the *_hash columns hold keyed hashes (HMAC-SHA256) of the
-- normalized values so that search by name, birth date and phone works without decrypting.
-- Before this version no installation held real patients (demo rows only): the table is rebuilt, and the drafts,
-- submissions and documents written in clear text before encryption are removed.
delete from task_draft;
delete from task_submission;
delete from document;
drop table patient;

create table patient (
    id                              bigint       not null auto_increment primary key,
    mrn                             varchar(20)  not null,
    given_name                      varchar(500) not null,
    family_name                     varchar(500) not null,
    birth_date                      varchar(100),
    administrative_sex              varchar(100),
    gender_identity                 varchar(500),
    phone                           varchar(200),
    email                           varchar(600),
    address_line1                   varchar(600),
    city                            varchar(400),
    state                           varchar(200),
    postal_code                     varchar(200),
    preferred_language              varchar(20),
    interpreter_needed              boolean      not null default false,
    preferred_channel               varchar(20),
    emergency_contact_name          varchar(500),
    emergency_contact_phone         varchar(200),
    emergency_contact_relationship  varchar(200),
    guardian_name                   varchar(500),
    guardian_relationship           varchar(30),
    guardian_phone                  varchar(200),
    given_name_hash                 varchar(64)  not null,
    family_name_hash                varchar(64)  not null,
    birth_date_hash                 varchar(64),
    phone_hash                      varchar(64),
    ehr_patient_id                  varchar(64),
    created_at                      timestamp(6) not null,
    updated_at                      timestamp(6) not null,
    version                         bigint       not null default 0,
    constraint uk_patient_mrn unique (mrn)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_patient_family_name_hash on patient (family_name_hash, birth_date_hash);
create index ix_patient_given_name_hash on patient (given_name_hash);
create index ix_patient_birth_date_hash on patient (birth_date_hash);
create index ix_patient_phone_hash on patient (phone_hash);

-- MRNs we assign: a prefix and the next number of this sequence.
create sequence patient_mrn_seq start with 1000001 increment by 1 nocache;

-- Insurance or self-pay. A self-pay payment method carries a reference (a token from the payment processor), never
-- a card number.
create table coverage (
    id                  bigint       not null auto_increment primary key,
    patient_id          bigint       not null,
    type                varchar(20)  not null,
    status              varchar(20)  not null,
    payer               varchar(600),
    member_id           varchar(300),
    group_number        varchar(300),
    subscriber_relation varchar(20),
    subscriber_name     varchar(500),
    payment_method      varchar(20),
    payment_reference   varchar(300),
    period_start        date         not null,
    period_end          date,
    process_instance_id varchar(64),
    ehr_coverage_id     varchar(64),
    created_at          timestamp(6) not null,
    version             bigint       not null default 0,
    constraint fk_coverage_patient foreign key (patient_id) references patient (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_coverage_patient on coverage (patient_id);

-- Consents: given at intake (with the signed packet), revoked by the consent-revocation process, expired when their
-- period ends.
create table consent (
    id                     bigint       not null auto_increment primary key,
    patient_id             bigint       not null,
    type                   varchar(40)  not null,
    status                 varchar(20)  not null,
    period_start           timestamp(6) not null,
    period_end             timestamp(6),
    release_to             varchar(600),
    signer_name            varchar(500),
    signer_relation        varchar(40),
    document_id            bigint,
    process_instance_id    varchar(64),
    revoked_at             timestamp(6),
    revoked_by             varchar(64),
    revocation_reason      varchar(2000),
    revocation_document_id bigint,
    ehr_consent_id         varchar(64),
    created_by             varchar(64)  not null,
    created_at             timestamp(6) not null,
    version                bigint       not null default 0,
    constraint fk_consent_patient foreign key (patient_id) references patient (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_consent_patient on consent (patient_id, type);

-- The health history as the patient gave it at intake (the EHR stays the source of truth for clinical data).
create table health_history (
    id                  bigint       not null auto_increment primary key,
    patient_id          bigint       not null,
    no_known_allergies  boolean      not null,
    allergies           text,
    medications         text,
    conditions          text,
    process_instance_id varchar(64),
    recorded_by         varchar(64)  not null,
    recorded_at         timestamp(6) not null,
    constraint fk_health_history_patient foreign key (patient_id) references patient (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_health_history_patient on health_history (patient_id);

-- Red-flag findings of a screening: a banner on the patient (and on the intake before the patient is registered)
-- until a nurse resolves it.
create table safety_alert (
    id                  bigint       not null auto_increment primary key,
    patient_id          bigint,
    process_instance_id varchar(64)  not null,
    disposition         varchar(20)  not null,
    findings            text         not null,
    raised_at           timestamp(6) not null,
    resolved_at         timestamp(6),
    resolved_by         varchar(64),
    version             bigint       not null default 0
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_safety_alert_patient on safety_alert (patient_id);
create index ix_safety_alert_instance on safety_alert (process_instance_id);

-- Who did what to which patient's data, when, from where. Written only through org.healthcrm.audit.AuditTrail.
create table audit_event (
    id             bigint        not null auto_increment primary key,
    occurred_at    timestamp(6)  not null,
    username       varchar(64)   not null,
    roles          varchar(200),
    action         varchar(60)   not null,
    patient_id     bigint,
    object_type    varchar(60),
    object_id      varchar(64),
    outcome        varchar(20)   not null,
    client_address varchar(64),
    request_id     varchar(64),
    reason         varchar(500),
    detail         varchar(1000)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_audit_event_patient on audit_event (patient_id, occurred_at);
create index ix_audit_event_user on audit_event (username, occurred_at);
create index ix_audit_event_time on audit_event (occurred_at);
