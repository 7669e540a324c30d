-- The id of the DocumentReference that carries a document in the EHR, once sent (org.healthcrm.ehr.EhrGateway): a
-- retried push skips what the EHR already has. Patients, coverages and consents have their EHR id columns since V3.
alter table document add column ehr_document_reference_id varchar(64);
