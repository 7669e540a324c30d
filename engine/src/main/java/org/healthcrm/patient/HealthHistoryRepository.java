package org.healthcrm.patient;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface HealthHistoryRepository extends JpaRepository<HealthHistory, Long> {

    List<HealthHistory> findByPatientIdOrderByRecordedAtDesc(Long patientId);
}
