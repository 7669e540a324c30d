package org.healthcrm.audit;

import java.time.Clock;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one audit writer of the application. Who acted comes from the engine's current authentication (set for every
 * web request from the signed-in user; "system" on the job executor), the request id and client address from the
 * request's logging context. Events name patients by internal id and never hold values.
 *
 * <p>A change is audited in the transaction that makes it (no trail of what did not happen); reads and denials are
 * written in their own transaction, so that they stay even when the request then fails.
 */
@Service
public class AuditTrail {

    public static final String SYSTEM_USER = "system";

    private final AuditEventRepository events;
    private final IdentityService identityService;
    private final Clock clock;

    public AuditTrail(AuditEventRepository events, IdentityService identityService, Clock clock) {
        this.events = events;
        this.identityService = identityService;
        this.clock = clock;
    }

    /** A create, update or delete; {@code detail} names what changed (field names, a type), never values. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void change(String action, Long patientId, String objectType, String objectId, String detail) {
        write(action, patientId, objectType, objectId, AuditEvent.Outcome.SUCCESS, null, detail);
    }

    /** A change made for a reason the user gave (break-glass access, say); the reason is kept with the event. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void change(String action, Long patientId, String objectType, String objectId, String detail,
                       String reason) {
        write(action, patientId, objectType, objectId, AuditEvent.Outcome.SUCCESS, reason, detail);
    }

    /** A read of a patient's data. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void read(String action, Long patientId, String objectType, String objectId) {
        write(action, patientId, objectType, objectId, AuditEvent.Outcome.SUCCESS, null, null);
    }

    /** Something the user was not allowed to do, or an event without a data change (sign-in, sign-out). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void event(String action, String username, AuditEvent.Outcome outcome, Long patientId, String objectType,
                      String objectId, String reason) {
        events.save(new AuditEvent(clock.instant(), username, rolesOf(username), action, patientId, objectType, objectId,
                outcome, MDC.get("clientAddress"), MDC.get("requestId"), truncate(reason, 500), null));
    }

    private void write(String action, Long patientId, String objectType, String objectId, AuditEvent.Outcome outcome,
                       String reason, String detail) {
        Authentication current = identityService.getCurrentAuthentication();
        String user = current == null ? SYSTEM_USER : current.getUserId();
        String roles = current == null || current.getGroupIds() == null ? null : String.join(",", current.getGroupIds());
        events.save(new AuditEvent(clock.instant(), user, roles, action, patientId, objectType, objectId, outcome,
                MDC.get("clientAddress"), MDC.get("requestId"), truncate(reason, 500), truncate(detail, 1000)));
    }

    private String rolesOf(String username) {
        Authentication current = identityService.getCurrentAuthentication();
        if (current != null && username.equals(current.getUserId()) && current.getGroupIds() != null) {
            List<String> groups = current.getGroupIds();
            return String.join(",", groups);
        }
        return null;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
