package org.healthcrm.audit;

import java.util.List;

import org.springframework.data.repository.Repository;

/**
 * Read only: no save, update or delete methods, on purpose. Events are appended by {@link AuditTrail} alone.
 */
public interface AuditEventRepository extends Repository<AuditEvent, Long> {

    List<AuditEvent> findByPatientIdOrderByIdAsc(Long patientId);

    List<AuditEvent> findByUsernameAndActionOrderByIdAsc(String username, String action);

    long count();
}
