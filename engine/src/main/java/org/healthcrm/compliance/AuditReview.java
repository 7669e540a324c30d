package org.healthcrm.compliance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.healthcrm.audit.AuditEvent;
import org.healthcrm.audit.AuditSearch;
import org.healthcrm.platform.InvalidInputException;
import org.healthcrm.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The compliance officer's look at the audit trail: checks the role, turns an {@link AuditQuery} (patients by MRN,
 * UTC days) into the criteria of the one {@link AuditSearch}, and gives each event its patient's MRN. Each page
 * shown is audited there ({@code AUDIT_SEARCH}); exports are audited by {@link ComplianceExports}.
 */
@Service
public class AuditReview {

    /** Largest page the screens ask for. */
    public static final int MAX_PAGE_SIZE = 100;

    private final AuditSearch search;
    private final PatientMrns mrns;

    public AuditReview(AuditSearch search, PatientMrns mrns) {
        this.search = search;
        this.mrns = mrns;
    }

    /**
     * The internal id of the query's patient, or null when it names none; the check before a search.
     *
     * @throws InvalidInputException when no patient has the MRN
     */
    @Transactional(readOnly = true)
    public Long patientId(Actor actor, AuditQuery query) {
        ComplianceAccess.require(actor);
        return patientOf(query);
    }

    @Transactional(readOnly = true)
    public long count(Actor actor, AuditQuery query) {
        ComplianceAccess.require(actor);
        return search.count(criteria(query));
    }

    /**
     * Events {@code first} to {@code first + size - 1}, newest first.
     *
     * @throws InvalidInputException beyond {@value AuditSearch#MAX_OFFSET} events: narrow the search by date
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> page(Actor actor, AuditQuery query, int first, int size) {
        ComplianceAccess.require(actor);
        return withMrns(search.search(criteria(query), Math.max(0, first),
                Math.max(1, Math.min(size, MAX_PAGE_SIZE))).events());
    }

    /** Up to {@code max} events, newest first, for an export (which records itself in the trail). */
    @Transactional(readOnly = true)
    public List<AuditEntry> upTo(Actor actor, AuditQuery query, int max) {
        ComplianceAccess.require(actor);
        return withMrns(search.forExport(criteria(query), max));
    }

    /** How many events of each action the user has in the date range, by action name. */
    @Transactional(readOnly = true)
    public List<ActionCount> actionCounts(Actor actor, String username, LocalDate from, LocalDate to) {
        ComplianceAccess.require(actor);
        return search.countsByAction(criteria(AuditQuery.ofUser(username, from, to))).entrySet().stream()
                .map(count -> new ActionCount(count.getKey(), count.getValue())).toList();
    }

    private List<AuditEntry> withMrns(List<AuditEvent> events) {
        // one query for the page's patients, reading only the id and the MRN
        Map<Long, String> mrnById = mrns.of(events.stream().map(AuditEvent::getPatientId).filter(Objects::nonNull)
                .distinct().toList());
        return events.stream().map(e -> AuditEntry.of(e, e.getPatientId() == null ? null
                : mrnById.get(e.getPatientId()))).toList();
    }

    private AuditSearch.Criteria criteria(AuditQuery query) {
        return new AuditSearch.Criteria(patientOf(query), query.username(), query.action(), query.outcome(),
                query.fromInstant(), query.toExclusive());
    }

    private Long patientOf(AuditQuery query) {
        if (query.patientMrn() == null) {
            return null;
        }
        return mrns.idOf(query.patientMrn())
                .orElseThrow(() -> new InvalidInputException("patient", "No patient has this MRN"));
    }
}
