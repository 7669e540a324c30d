package org.healthcrm.patient;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CoverageRepository extends JpaRepository<Coverage, Long> {

    List<Coverage> findByPatientIdOrderByIdDesc(Long patientId);

    Optional<Coverage> findFirstByPatientIdAndStatusOrderByIdDesc(Long patientId, Coverage.Status status);

    List<Coverage> findByProcessInstanceId(String processInstanceId);
}
