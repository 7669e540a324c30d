package org.healthcrm.audit;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one audit writer of the application. Who acted comes from the engine's current authentication (set for every
 * web request from the signed-in user; "system" on the job executor), the request id and client address from the
 * request's logging context. Events name patients by internal id and never hold values.
 *
 * <p>A change is audited in the transaction that makes it (no trail of what did not happen); reads, refusals and
 * sign-in events are written in their own transaction, so that they stay even when the request then fails.
 */
@Service
public class AuditTrail {

    public static final String SYSTEM_USER = "system";
    /** The longest user name the trail keeps (a name typed at a failed sign-in may be longer). */
    static final int USERNAME_LENGTH = 64;

    /**
     * Written with plain JDBC in the caller's transaction: an event is never read back or changed by the writer, so it
     * needs no place in the persistence context (and no generated key fetched); {@link AuditEvent} is the read model.
     */
    private static final String INSERT = "insert into audit_event (occurred_at, username, roles, action, patient_id, "
            + "object_type, object_id, outcome, client_address, request_id, reason, detail) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** The types of INSERT's parameters: given, Spring would ask the server for them (a round trip) at each null. */
    private static final int[] INSERT_TYPES = {Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR};

    private final JdbcTemplate jdbc;
    private final IdentityService identityService;
    private final Clock clock;

    public AuditTrail(JdbcTemplate jdbc, IdentityService identityService, Clock clock) {
        this.jdbc = jdbc;
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

    /** A read described further ({@code detail}: where, which criteria; never values of patient data). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void read(String action, Long patientId, String objectType, String objectId, String detail) {
        write(action, patientId, objectType, objectId, AuditEvent.Outcome.SUCCESS, null, detail);
    }

    /** A list that shows several patients (an inbox page, say): one event per patient, in one transaction. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void readEach(String action, Collection<Long> patientIds, String objectType, String detail) {
        for (Long patientId : patientIds) {
            write(action, patientId, objectType, patientId == null ? null : patientId.toString(),
                    AuditEvent.Outcome.SUCCESS, null, detail);
        }
    }

    /** Something the user was not allowed to do, or an event without a data change (sign-in, sign-out). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void event(String action, String username, AuditEvent.Outcome outcome, Long patientId, String objectType,
                      String objectId, String reason) {
        save(username, rolesOf(username), action, patientId, objectType, objectId, outcome, reason, null);
    }

    /**
     * A refusal: the signed-in user asked for something their roles or the record's rules do not allow. Written
     * with outcome DENIED whatever happens to the request afterwards; {@code detail} says what was asked for.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void denied(String action, String username, Collection<String> roles, Long patientId, String objectType,
                       String objectId, String detail) {
        save(username, roles == null ? rolesOf(username) : String.join(",", roles), action, patientId, objectType,
                objectId, AuditEvent.Outcome.DENIED, null, detail);
    }

    /**
     * Sign-in, sign-out and the end of a session. {@code username} is the name as typed for a failed sign-in (it
     * names a person or nobody, never a patient), {@code roles} those of the session; {@code detail} says how
     * (screen or API, why a sign-in was refused).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void access(String action, String username, Collection<String> roles, AuditEvent.Outcome outcome,
                       String detail) {
        save(username, roles == null || roles.isEmpty() ? null : String.join(",", roles), action, null, null, null,
                outcome, null, detail);
    }

    private void write(String action, Long patientId, String objectType, String objectId, AuditEvent.Outcome outcome,
                       String reason, String detail) {
        Authentication current = identityService.getCurrentAuthentication();
        String user = current == null ? SYSTEM_USER : current.getUserId();
        String roles = current == null || current.getGroupIds() == null ? null : String.join(",", current.getGroupIds());
        save(user, roles, action, patientId, objectType, objectId, outcome, reason, detail);
    }

    private void save(String username, String roles, String action, Long patientId, String objectType,
                      String objectId, AuditEvent.Outcome outcome, String reason, String detail) {
        Instant now = clock.instant();
        // the database keeps UTC (the session's time zone): the UTC wall time, to the microsecond as the column
        jdbc.update(INSERT, new Object[] {LocalDateTime.ofInstant(now.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC),
                printable(username == null || username.isEmpty() ? "-" : username, USERNAME_LENGTH),
                truncate(roles, 200), action, patientId, objectType, truncate(objectId, 64), outcome.name(),
                MDC.get("clientAddress"), MDC.get("requestId"), truncate(reason, 500), truncate(detail, 1000)},
                INSERT_TYPES);
    }

    private String rolesOf(String username) {
        Authentication current = identityService.getCurrentAuthentication();
        if (current != null && username != null && username.equals(current.getUserId())
                && current.getGroupIds() != null) {
            List<String> groups = current.getGroupIds();
            return String.join(",", groups);
        }
        return null;
    }

    /** A name as typed, without control characters, at most {@code max} characters. */
    private static String printable(String text, int max) {
        return truncate(text.replaceAll("\\p{Cntrl}", "?"), max);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
