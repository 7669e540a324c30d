package org.healthcrm.consent;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ConsentRepository extends JpaRepository<Consent, Long> {

    List<Consent> findByPatientIdOrderByPeriodStartDescIdDesc(Long patientId);

    List<Consent> findByPatientIdAndType(Long patientId, ConsentType type);

    List<Consent> findByProcessInstanceId(String processInstanceId);
}
