package org.healthcrm.triage;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SafetyAlertRepository extends JpaRepository<SafetyAlert, Long> {

    List<SafetyAlert> findByPatientIdOrderByRaisedAtDesc(Long patientId);

    List<SafetyAlert> findByProcessInstanceId(String processInstanceId);
}
