package org.healthcrm.compliance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.healthcrm.audit.AuditEvent;
import org.healthcrm.audit.AuditTrail;
import org.healthcrm.platform.InvalidInputException;
import org.healthcrm.security.Actor;
import org.healthcrm.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounting of disclosures of a patient (HIPAA 45 CFR 164.528): every release of the patient's information
 * outside the organisation, read from the audit trail. This is the one place that says what counts as a
 * disclosure:
 *
 * <ul>
 *   <li><b>the EHR push</b>: the registration, coverage, consents and documents sent to the EHR
 *       ({@link #EHR_PUSH_ACTIONS}, done by {@code system} on the job executor);</li>
 *   <li><b>reads by an integration</b>: the patient record, consents and documents read over the FHIR API by an
 *       account with the {@code INTEGRATION} role ({@link #INTEGRATION_READ_ACTIONS}); reads by the staff are uses
 *       inside the organisation, not disclosures;</li>
 *   <li><b>messages to the patient</b> ({@link #MESSAGE_ACTIONS}).</li>
 * </ul>
 *
 * Only events with outcome SUCCESS count: a refused request released nothing. The list includes the disclosures for
 * treatment, payment and operations that 164.528 lets a covered entity leave out of the accounting it gives a
 * patient; the compliance officer decides which of them the patient's copy shows.
 */
@Service
public class Disclosures {

    public static final Set<String> EHR_PUSH_ACTIONS = Set.of("PATIENT_EHR_LINK", "COVERAGE_EHR_LINK",
            "CONSENT_EHR_LINK", "CONSENT_EHR_UPDATE", "DOCUMENT_EHR_LINK");
    public static final Set<String> INTEGRATION_READ_ACTIONS = Set.of("PATIENT_READ", "PATIENT_SEARCH_RESULT",
            "CONSENT_READ", "DOCUMENT_LIST", "DOCUMENT_READ");
    public static final Set<String> MESSAGE_ACTIONS = Set.of("MESSAGE_SEND");

    private static final String WHERE = " where e.patientId = :patientId and e.outcome = :success"
            + " and (e.action in :pushes or e.action in :messages"
            + " or (e.action in :reads and e.roles like :integration))";

    @PersistenceContext
    private EntityManager entityManager;
    private final PatientMrns mrns;
    private final AuditTrail audit;

    public Disclosures(PatientMrns mrns, AuditTrail audit) {
        this.mrns = mrns;
        this.audit = audit;
    }

    /** @throws InvalidInputException when no patient has the MRN */
    @Transactional(readOnly = true)
    public long count(Actor actor, DisclosureQuery query) {
        ComplianceAccess.require(actor);
        return bind(entityManager.createQuery("select count(e) from AuditEvent e" + WHERE + range(query), Long.class),
                query).getSingleResult();
    }

    /** Disclosures {@code first} to {@code first + size - 1}, newest first. */
    @Transactional(readOnly = true)
    public List<Disclosure> page(Actor actor, DisclosureQuery query, int first, int size) {
        ComplianceAccess.require(actor);
        List<Disclosure> page = fetch(query, Math.max(0, first), Math.max(1, Math.min(size, AuditReview.MAX_PAGE_SIZE)));
        // a page of the accounting is a search of the trail for the patient, audited like the others
        audit.read("AUDIT_SEARCH", patientOf(query), "AuditEvent", null, "disclosures"
                + (query.from() == null ? "" : "; from=" + query.from())
                + (query.to() == null ? "" : "; to=" + query.to()));
        return page;
    }

    @Transactional(readOnly = true)
    public List<Disclosure> upTo(Actor actor, DisclosureQuery query, int max) {
        ComplianceAccess.require(actor);
        return fetch(query, 0, max);
    }

    /** The patient's internal id. @throws InvalidInputException when no patient has the MRN */
    @Transactional(readOnly = true)
    public long patientId(Actor actor, DisclosureQuery query) {
        ComplianceAccess.require(actor);
        return patientOf(query);
    }

    private List<Disclosure> fetch(DisclosureQuery query, int first, int max) {
        return bind(entityManager.createQuery("select e from AuditEvent e" + WHERE + range(query)
                        + " order by e.occurredAt desc, e.id desc", AuditEvent.class), query)
                .setFirstResult(first).setMaxResults(max).getResultList().stream()
                .map(Disclosures::disclosure).toList();
    }

    private static String range(DisclosureQuery query) {
        return (query.from() == null ? "" : " and e.occurredAt >= :from")
                + (query.to() == null ? "" : " and e.occurredAt < :to");
    }

    private <T> TypedQuery<T> bind(TypedQuery<T> select, DisclosureQuery query) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("patientId", patientOf(query));
        parameters.put("success", AuditEvent.Outcome.SUCCESS);
        parameters.put("pushes", EHR_PUSH_ACTIONS);
        parameters.put("messages", MESSAGE_ACTIONS);
        parameters.put("reads", INTEGRATION_READ_ACTIONS);
        // the roles column lists the actor's roles, comma-separated; no other role name contains this one
        parameters.put("integration", "%" + Role.INTEGRATION.name() + "%");
        if (query.from() != null) {
            parameters.put("from", AuditQuery.startOf(query.from()));
        }
        if (query.to() != null) {
            parameters.put("to", AuditQuery.startOf(query.to().plusDays(1)));
        }
        parameters.forEach(select::setParameter);
        return select;
    }

    private long patientOf(DisclosureQuery query) {
        return mrns.idOf(query.patientMrn())
                .orElseThrow(() -> new InvalidInputException("patient", "No patient has this MRN"));
    }

    private static Disclosure disclosure(AuditEvent e) {
        String action = e.getAction();
        String recipient;
        String purpose;
        if (EHR_PUSH_ACTIONS.contains(action)) {
            recipient = "The EHR";
            purpose = "Registration kept in the EHR (FHIR push)";
        } else if (MESSAGE_ACTIONS.contains(action)) {
            recipient = "The patient";
            purpose = "Message to the patient" + (e.getDetail() == null ? "" : " (" + e.getDetail() + ")");
        } else {
            recipient = "Integration account " + e.getUsername();
            purpose = "Requested over the FHIR API";
        }
        return new Disclosure(e.getId(), e.getOccurredAt(), recipient, what(e), purpose, action, e.getUsername(),
                e.getRequestId());
    }

    private static String what(AuditEvent e) {
        String id = e.getObjectId() == null ? "" : " " + e.getObjectId();
        return switch (e.getAction()) {
            case "PATIENT_EHR_LINK", "PATIENT_READ", "PATIENT_SEARCH_RESULT" -> "Patient record (demographics)";
            case "COVERAGE_EHR_LINK" -> "Coverage" + id;
            case "CONSENT_EHR_LINK", "CONSENT_READ" -> "Consent" + id;
            case "CONSENT_EHR_UPDATE" -> "Consent" + id + " (revocation)";
            case "DOCUMENT_EHR_LINK", "DOCUMENT_READ" -> "Document" + id
                    + (e.getDetail() == null ? "" : " (" + e.getDetail() + ")");
            case "DOCUMENT_LIST" -> "List of documents";
            case "MESSAGE_SEND" -> "E-mail";
            default -> e.getObjectType() == null ? e.getAction() : e.getObjectType() + id;
        };
    }
}
