package org.healthcrm.audit;

import java.util.List;

import org.springframework.data.repository.Repository;

/** Append and read only: no update or delete methods, on purpose. */
public interface AuditEventRepository extends Repository<AuditEvent, Long> {

    AuditEvent save(AuditEvent event);

    List<AuditEvent> findByPatientIdOrderByIdAsc(Long patientId);

    List<AuditEvent> findByUsernameAndActionOrderByIdAsc(String username, String action);

    long count();
}
