package org.healthcrm.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.healthcrm.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit trail, newest first, a page at a time: the one way to read it (the FHIR AuditEvent search and the
 * compliance screens and exports all come here), and itself audited: each page searched is one {@code AUDIT_SEARCH}
 * event naming its criteria (never one event per row found), each event opened one {@code AUDIT_READ}; an export
 * is recorded by the export itself. Who may read the trail (compliance and administrators) is checked by the
 * caller's door.
 *
 * <p>Every search is served by an index: by patient ({@code ix_audit_event_patient}: patient, time), by user
 * ({@code ix_audit_event_user}: user name, time), or by time alone ({@code ix_audit_event_time}); action and outcome
 * narrow what the index finds.
 */
@Service
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
     * What to look for; null criteria are not applied. {@code from} is inclusive, {@code to} exclusive. An action
     * ending in {@code *} matches every action that begins so ({@code CONSENT_*}).
     */
    public record Criteria(Long patientId, String username, String action, AuditEvent.Outcome outcome,
                           Instant from, Instant to) {

        public static Criteria any() {
            return new Criteria(null, null, null, null, null, null);
        }

        /** Events of a patient, of a user (agent), or both, in a time range. */
        public static Criteria of(Long patientId, String username, Instant from, Instant to) {
            return new Criteria(patientId, username, null, null, from, to);
        }

        /** The criteria as the audit event of the search names them: no values of patient data. */
        String describe() {
            List<String> parts = new ArrayList<>();
            if (username != null) {
                parts.add("agent=" + username);
            }
            if (action != null) {
                parts.add("action=" + action);
            }
            if (outcome != null) {
                parts.add("outcome=" + outcome);
            }
            if (from != null) {
                parts.add("from=" + from);
            }
            if (to != null) {
                parts.add("to=" + to);
            }
            return parts.isEmpty() ? "all" : String.join("; ", parts);
        }

        /** True when no event can match (an empty range, or one outside what the trail can hold). */
        private boolean matchesNothing() {
            return from != null && to != null && !from.isBefore(to)
                    || from != null && from.isAfter(LATEST)
                    || to != null && to.isBefore(EARLIEST);
        }

        /** The same criteria without bounds that exclude nothing (before the first or after the last instant). */
        private Criteria withinTheTrail() {
            return new Criteria(patientId, username, action, outcome,
                    from == null || from.isBefore(EARLIEST) ? null : from,
                    to == null || to.isAfter(LATEST) ? null : to);
        }
    }

    /**
     * One page of matching events, newest first ({@code limit + 1} rows are read, so that the caller knows whether
     * another page follows: {@link Page#hasMore()}). Audited: one {@code AUDIT_SEARCH} event.
     *
     * @throws InvalidInputException when the offset is beyond {@value #MAX_OFFSET} or the page larger than
     *                               {@value #MAX_PAGE}
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
        Criteria within = criteria.withinTheTrail();
        List<AuditEvent> rows = limit == 0 || criteria.matchesNothing() ? List.of() : fetch(within, offset, limit + 1);
        audit.read("AUDIT_SEARCH", criteria.patientId(), "AuditEvent", null, within.describe());
        return new Page(rows.size() > limit ? rows.subList(0, limit) : rows, offset, rows.size() > limit);
    }

    /** How many events match. Not audited: a count shows none of them. */
    @Transactional(readOnly = true)
    public long count(Criteria criteria) {
        if (criteria.matchesNothing()) {
            return 0;
        }
        Where where = Where.of(criteria.withinTheTrail());
        return where.bind(entityManager.createQuery("select count(e) from AuditEvent e" + where.jpql, Long.class))
                .getSingleResult();
    }

    /**
     * Up to {@code max} matching events, newest first, for an export. No {@code AUDIT_SEARCH} event: the export
     * records itself, with its criteria and the SHA-256 of what it wrote.
     */
    @Transactional(readOnly = true)
    public List<AuditEvent> forExport(Criteria criteria, int max) {
        return criteria.matchesNothing() ? List.of() : fetch(criteria.withinTheTrail(), 0, max);
    }

    /** How many matching events each action has, by action name. Not audited: counts show no event. */
    @Transactional(readOnly = true)
    public Map<String, Long> countsByAction(Criteria criteria) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (criteria.matchesNothing()) {
            return counts;
        }
        Where where = Where.of(criteria.withinTheTrail());
        where.bind(entityManager.createQuery("select e.action, count(e) from AuditEvent e" + where.jpql
                        + " group by e.action order by e.action", Object[].class))
                .getResultList().forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    /** One event by id, audited as a read of the trail (and of the patient the event names). */
    @Transactional(readOnly = true)
    public Optional<AuditEvent> find(long id) {
        Optional<AuditEvent> event = Optional.ofNullable(entityManager.find(AuditEvent.class, id));
        event.ifPresent(e -> audit.read("AUDIT_READ", e.getPatientId(), "AuditEvent", Long.toString(id)));
        return event;
    }

    private List<AuditEvent> fetch(Criteria criteria, int offset, int max) {
        Where where = Where.of(criteria);
        // the id breaks ties in time; InnoDB's secondary indexes end with it, so the order is the index's
        TypedQuery<AuditEvent> query = where.bind(entityManager.createQuery("select e from AuditEvent e" + where.jpql
                + " order by e.occurredAt desc, e.id desc", AuditEvent.class));
        return query.setFirstResult(offset).setMaxResults(max).getResultList();
    }

    /** A page of events: {@code hasMore} when at least one more matches after it. */
    public record Page(List<AuditEvent> events, int offset, boolean hasMore) {
    }

    private record Where(String jpql, Map<String, Object> parameters) {

        static Where of(Criteria criteria) {
            StringBuilder where = new StringBuilder(" where 1 = 1");
            Map<String, Object> parameters = new HashMap<>();
            if (criteria.patientId() != null) {
                where.append(" and e.patientId = :patientId");
                parameters.put("patientId", criteria.patientId());
            }
            if (criteria.username() != null) {
                where.append(" and e.username = :username");
                parameters.put("username", criteria.username());
            }
            if (criteria.action() != null && criteria.action().endsWith("*")) {
                String prefix = criteria.action().substring(0, criteria.action().length() - 1);
                where.append(" and e.action like :action escape '!'");
                parameters.put("action", prefix.replace("!", "!!").replace("_", "!_").replace("%", "!%") + "%");
            } else if (criteria.action() != null) {
                where.append(" and e.action = :action");
                parameters.put("action", criteria.action());
            }
            if (criteria.outcome() != null) {
                where.append(" and e.outcome = :outcome");
                parameters.put("outcome", criteria.outcome());
            }
            if (criteria.from() != null) {
                where.append(" and e.occurredAt >= :from");
                parameters.put("from", criteria.from());
            }
            if (criteria.to() != null) {
                where.append(" and e.occurredAt < :to");
                parameters.put("to", criteria.to());
            }
            return new Where(where.toString(), parameters);
        }

        <T> TypedQuery<T> bind(TypedQuery<T> query) {
            parameters.forEach(query::setParameter);
            return query;
        }
    }
}
