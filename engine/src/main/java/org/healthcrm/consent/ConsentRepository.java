package org.healthcrm.consent;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ConsentRepository extends JpaRepository<Consent, Long> {

    List<Consent> findByPatientIdOrderByPeriodStartDescIdDesc(Long patientId);

    List<Consent> findByPatientIdAndType(Long patientId, ConsentType type);

    List<Consent> findByProcessInstanceId(String processInstanceId);

    /**
     * Records the EHR's id of one of the patient's consents without loading it: one statement, version bumped as an
     * edit through the entity would. The number of rows changed (0: no such consent of that patient).
     */
    @Modifying(flushAutomatically = true)
    @Query("update versioned Consent c set c.ehrConsentId = :ehrId where c.id = :id and c.patientId = :patientId")
    int linkToEhr(@Param("patientId") long patientId, @Param("id") long id, @Param("ehrId") String ehrId);
}
