package org.healthcrm.documents;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DocumentRepository extends JpaRepository<Document, Long> {

    /** The patient's documents without their bytes, newest first. */
    List<DocumentInfo> findByPatientIdOrderByIdDesc(Long patientId);

    /**
     * Records the id of the EHR's DocumentReference for one of the patient's documents without reading the PDF (and
     * decrypting it) again. The number of rows changed (0: no such document of that patient).
     */
    @Modifying(flushAutomatically = true)
    @Query("update Document d set d.ehrDocumentReferenceId = :ehrId where d.id = :id and d.patientId = :patientId")
    int linkToEhr(@Param("patientId") long patientId, @Param("id") long id, @Param("ehrId") String ehrId);
}
