package org.healthcrm.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.healthcrm.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit trail, newest first, a page at a time; the one way to read it, and itself audited: each search
 * is one {@code AUDIT_SEARCH} event naming its criteria (never one event per row found), each event opened one
 * {@code AUDIT_READ}. Who may read the trail (compliance and administrators) is checked by the caller's door.
 *
 * <p>Every search is served by an index: by patient ({@code ix_audit_event_patient}: patient, time), by user
 * ({@code ix_audit_event_user}: user name, time), or by time alone ({@code ix_audit_event_time}).
 */
@Service("auditEventSearch") // the FHIR AuditEvent search; org.healthcrm.compliance.AuditSearch serves the screens
public class AuditSearch {

    /** The span a search may name: TIMESTAMP columns hold no earlier or later instant. */
    private static final Instant EARLIEST = Instant.parse("1970-01-02T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    /** The largest page served. */
    public static final int MAX_PAGE = 200;
    /** How far a search may page: beyond it, narrow the search by date. */
    public static final int MAX_OFFSET = 10_000;

    @PersistenceContext
    private EntityManager entityManager;

    private final AuditTrail audit;

    public AuditSearch(AuditTrail audit) {
        this.audit = audit;
    }

    /**
     * What to look for; null criteria are not applied. {@code from} is inclusive, {@code to} exclusive.
     */
    public record Criteria(Long patientId, String username, Instant from, Instant to) {

        public static Criteria any() {
            return new Criteria(null, null, null, null);
        }

        /** The criteria as the audit event of the search names them: no values of patient data. */
        String describe() {
            List<String> parts = new ArrayList<>();
            if (username != null) {
                parts.add("agent=" + username);
            }
            if (from != null) {
                parts.add("from=" + from);
            }
            if (to != null) {
                parts.add("to=" + to);
            }
            return parts.isEmpty() ? "all" : String.join("; ", parts);
        }
    }

    /**
     * One page of matching events, newest first ({@code limit + 1} rows are read, so that the caller knows whether
     * another page follows: {@link Page#hasMore()}).
     */
    @Transactional(readOnly = true)
    public Page search(Criteria criteria, int offset, int limit) {
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new InvalidInputException("_offset", "The offset must be between 0 and " + MAX_OFFSET
                    + "; narrow the search by date to go further back");
        }
        if (limit < 0 || limit > MAX_PAGE) {
            throw new InvalidInputException("_count", "A page has 0 to " + MAX_PAGE + " events");
        }
        boolean empty = criteria.from() != null && criteria.to() != null && !criteria.from().isBefore(criteria.to())
                || criteria.from() != null && criteria.from().isAfter(LATEST)
                || criteria.to() != null && criteria.to().isBefore(EARLIEST);
        criteria = new Criteria(criteria.patientId(), criteria.username(),
                criteria.from() == null || criteria.from().isBefore(EARLIEST) ? null : criteria.from(),
                criteria.to() == null || criteria.to().isAfter(LATEST) ? null : criteria.to());
        if (empty) {
            audit.read("AUDIT_SEARCH", criteria.patientId(), "AuditEvent", null, criteria.describe());
            return new Page(List.of(), offset, false);
        }
        StringBuilder jpql = new StringBuilder("select e from AuditEvent e where 1 = 1");
        if (criteria.patientId() != null) {
            jpql.append(" and e.patientId = :patient");
        }
        if (criteria.username() != null) {
            jpql.append(" and e.username = :username");
        }
        if (criteria.from() != null) {
            jpql.append(" and e.occurredAt >= :from");
        }
        if (criteria.to() != null) {
            jpql.append(" and e.occurredAt < :to");
        }
        // the id breaks ties in time; InnoDB's secondary indexes end with it, so the order is the index's
        jpql.append(" order by e.occurredAt desc, e.id desc");
        TypedQuery<AuditEvent> query = entityManager.createQuery(jpql.toString(), AuditEvent.class);
        if (criteria.patientId() != null) {
            query.setParameter("patient", criteria.patientId());
        }
        if (criteria.username() != null) {
            query.setParameter("username", criteria.username());
        }
        if (criteria.from() != null) {
            query.setParameter("from", criteria.from());
        }
        if (criteria.to() != null) {
            query.setParameter("to", criteria.to());
        }
        List<AuditEvent> rows = limit == 0 ? List.of()
                : query.setFirstResult(offset).setMaxResults(limit + 1).getResultList();
        audit.read("AUDIT_SEARCH", criteria.patientId(), "AuditEvent", null, criteria.describe());
        return new Page(rows.size() > limit ? rows.subList(0, limit) : rows, offset, rows.size() > limit);
    }

    /** One event by id, audited as a read of the trail (and of the patient the event names). */
    @Transactional(readOnly = true)
    public Optional<AuditEvent> find(long id) {
        Optional<AuditEvent> event = Optional.ofNullable(entityManager.find(AuditEvent.class, id));
        event.ifPresent(e -> audit.read("AUDIT_READ", e.getPatientId(), "AuditEvent", Long.toString(id)));
        return event;
    }

    /** A page of events: {@code hasMore} when at least one more matches after it. */
    public record Page(List<AuditEvent> events, int offset, boolean hasMore) {
    }
}
