package org.healthcrm.documents;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DocumentRepository extends JpaRepository<Document, Long> {

    /** The patient's documents without their bytes, newest first. */
    List<DocumentInfo> findByPatientIdOrderByIdDesc(Long patientId);
}
