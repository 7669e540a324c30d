package org.healthcrm.compliance;

import java.time.Instant;

import org.healthcrm.audit.AuditEvent;

/** One event of the audit trail as the compliance screens show it: the event's columns and the patient's MRN. */
public record AuditEntry(long id, Instant occurredAt, String username, String roles, String action, Long patientId,
                         String patientMrn, String objectType, String objectId, AuditEvent.Outcome outcome,
                         String clientAddress, String requestId, String reason, String detail) {

    static AuditEntry of(AuditEvent e, String mrn) {
        return new AuditEntry(e.getId(), e.getOccurredAt(), e.getUsername(), e.getRoles(), e.getAction(),
                e.getPatientId(), mrn, e.getObjectType(), e.getObjectId(), e.getOutcome(), e.getClientAddress(),
                e.getRequestId(), e.getReason(), e.getDetail());
    }

    /** Object type and id together ("Document 42"). */
    public String object() {
        if (objectType == null) {
            return objectId == null ? "" : objectId;
        }
        return objectId == null ? objectType : objectType + " " + objectId;
    }
}
