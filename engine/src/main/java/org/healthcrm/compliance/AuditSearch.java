package org.healthcrm.compliance;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.healthcrm.audit.AuditEvent;
import org.healthcrm.platform.InvalidInputException;
import org.healthcrm.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit search: events matching an {@link AuditQuery}, newest first, a page at a time, counted with the same
 * criteria. Paging and counting happen in the database; each criterion is served by an index of {@code audit_event}:
 * a patient by {@code ix_audit_event_patient (patient_id, occurred_at)}, a user by {@code ix_audit_event_user
 * (username, occurred_at)}, a date range alone by {@code ix_audit_event_time (occurred_at)}.
 */
@Service
public class AuditSearch {

    /** Largest page the screens ask for. */
    public static final int MAX_PAGE_SIZE = 100;

    @PersistenceContext
    private EntityManager entityManager;
    private final PatientMrns mrns;

    public AuditSearch(PatientMrns mrns) {
        this.mrns = mrns;
    }

    /**
     * Checks the criteria before a search: an MRN must name a patient.
     *
     * @throws InvalidInputException when no patient has the MRN
     */
    @Transactional(readOnly = true)
    public void check(Actor actor, AuditQuery query) {
        ComplianceAccess.require(actor);
        patientOf(query);
    }

    /** The internal id of the query's patient, or null when it names none. */
    @Transactional(readOnly = true)
    public Long patientId(Actor actor, AuditQuery query) {
        ComplianceAccess.require(actor);
        return patientOf(query);
    }

    @Transactional(readOnly = true)
    public long count(Actor actor, AuditQuery query) {
        ComplianceAccess.require(actor);
        Criteria criteria = criteria(query);
        return criteria.bind(entityManager.createQuery("select count(e) from AuditEvent e" + criteria.where,
                Long.class)).getSingleResult();
    }

    /** Events {@code first} to {@code first + size - 1}, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> page(Actor actor, AuditQuery query, int first, int size) {
        ComplianceAccess.require(actor);
        return fetch(query, Math.max(0, first), Math.max(1, Math.min(size, MAX_PAGE_SIZE)));
    }

    /** Up to {@code max} events, newest first, for an export. */
    @Transactional(readOnly = true)
    public List<AuditEntry> upTo(Actor actor, AuditQuery query, int max) {
        ComplianceAccess.require(actor);
        return fetch(query, 0, max);
    }

    /** How many events of each action the user has in the date range, by action name. */
    @Transactional(readOnly = true)
    public List<ActionCount> actionCounts(Actor actor, String username, LocalDate from, LocalDate to) {
        ComplianceAccess.require(actor);
        Criteria criteria = criteria(AuditQuery.ofUser(username, from, to));
        return criteria.bind(entityManager.createQuery("select e.action, count(e) from AuditEvent e"
                        + criteria.where + " group by e.action order by e.action", Object[].class))
                .getResultList().stream()
                .map(row -> new ActionCount((String) row[0], (Long) row[1])).toList();
    }

    private List<AuditEntry> fetch(AuditQuery query, int first, int max) {
        Criteria criteria = criteria(query);
        // the MRN comes with the row: a join on the patient's primary key, reading only the MRN column
        TypedQuery<Object[]> select = criteria.bind(entityManager.createQuery("select e, p.mrn from AuditEvent e "
                + "left join Patient p on p.id = e.patientId" + criteria.where
                + " order by e.occurredAt desc, e.id desc", Object[].class));
        return select.setFirstResult(first).setMaxResults(max).getResultList().stream()
                .map(row -> AuditEntry.of((AuditEvent) row[0], (String) row[1])).toList();
    }

    private Long patientOf(AuditQuery query) {
        if (query.patientMrn() == null) {
            return null;
        }
        return mrns.idOf(query.patientMrn())
                .orElseThrow(() -> new InvalidInputException("patient", "No patient has this MRN"));
    }

    private Criteria criteria(AuditQuery query) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        Long patientId = patientOf(query);
        if (patientId != null) {
            where.append(" and e.patientId = :patientId");
            parameters.put("patientId", patientId);
        }
        if (query.username() != null) {
            where.append(" and e.username = :username");
            parameters.put("username", query.username());
        }
        if (query.actionIsPrefix()) {
            where.append(" and e.action like :action escape '!'");
            String prefix = query.action().substring(0, query.action().length() - 1);
            parameters.put("action", prefix.replace("!", "!!").replace("_", "!_").replace("%", "!%") + "%");
        } else if (query.action() != null) {
            where.append(" and e.action = :action");
            parameters.put("action", query.action());
        }
        if (query.outcome() != null) {
            where.append(" and e.outcome = :outcome");
            parameters.put("outcome", query.outcome());
        }
        if (query.from() != null) {
            where.append(" and e.occurredAt >= :from");
            parameters.put("from", query.fromInstant());
        }
        if (query.to() != null) {
            where.append(" and e.occurredAt < :to");
            parameters.put("to", query.toExclusive());
        }
        return new Criteria(where.toString(), parameters);
    }

    private record Criteria(String where, Map<String, Object> parameters) {

        <T> TypedQuery<T> bind(TypedQuery<T> query) {
            parameters.forEach(query::setParameter);
            return query;
        }
    }
}
