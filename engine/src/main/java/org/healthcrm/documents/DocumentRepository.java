package org.healthcrm.documents;

import org.springframework.data.jpa.repository.JpaRepository;

interface DocumentRepository extends JpaRepository<Document, Long> {

    java.util.List<Document> findByPatientIdOrderByIdDesc(Long patientId);
}
