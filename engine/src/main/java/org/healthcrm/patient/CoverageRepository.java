package org.healthcrm.patient;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CoverageRepository extends JpaRepository<Coverage, Long> {

    List<Coverage> findByPatientIdOrderByIdDesc(Long patientId);

    Optional<Coverage> findFirstByPatientIdAndStatusOrderByIdDesc(Long patientId, Coverage.Status status);

    List<Coverage> findByProcessInstanceId(String processInstanceId);

    /**
     * Records the EHR's id of one of the patient's coverages without loading it: one statement, version bumped as
     * an edit through the entity would. The number of rows changed (0: no such coverage of that patient).
     */
    @Modifying(flushAutomatically = true)
    @Query("update versioned Coverage c set c.ehrCoverageId = :ehrId where c.id = :id and c.patientId = :patientId")
    int linkToEhr(@Param("patientId") long patientId, @Param("id") long id, @Param("ehrId") String ehrId);
}
