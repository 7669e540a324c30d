package org.healthcrm.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.healthcrm.audit.AuditChain;
import org.healthcrm.audit.AuditTrail;
import org.healthcrm.audit.AuditVerification;
import org.healthcrm.security.Actor;
import org.healthcrm.security.access.BreakGlassGrant;
import org.healthcrm.security.access.ClinicalAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The integrity screen's work: verifying the audit trail's hash chain on demand (the same verification as the
 * {@code --healthcrm.audit.verify} command), and the queue of break-glass uses waiting for a compliance review.
 */
@Service
public class AuditIntegrity {

    public static final String VERIFY_ACTION = "AUDIT_VERIFY";

    /** A break-glass use waiting for review, with the patient's MRN. */
    public record BreakGlassUse(long id, String username, Long patientId, String patientMrn, String reason,
                                Instant grantedAt, Instant expiresAt) implements java.io.Serializable {
    }

    private final AuditChain chain;
    private final AuditVerification verification;
    private final ClinicalAccess clinicalAccess;
    private final AuditTrail audit;
    private final PatientMrns mrns;
    private final TransactionTemplate transaction;

    public AuditIntegrity(AuditChain chain, AuditVerification verification, ClinicalAccess clinicalAccess,
                          AuditTrail audit, PatientMrns mrns, PlatformTransactionManager transactions) {
        this.chain = chain;
        this.verification = verification;
        this.clinicalAccess = clinicalAccess;
        this.audit = audit;
        this.mrns = mrns;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Seals what is pending, then verifies the whole chain ({@code day} null) or the links sealed on one UTC day. The
     * check and its result are audited ({@code AUDIT_VERIFY}).
     */
    public AuditVerification.Report verify(Actor actor, LocalDate day) {
        ComplianceAccess.require(actor);
        chain.sealPending();
        AuditVerification.Report report = day == null ? verification.verifyAll() : verification.verifyDay(day);
        String result = report.intact() ? "INTACT" : "BROKEN " + report.problem().kind() + " at link "
                + report.problem().seq() + ", event " + report.problem().eventId();
        transaction.executeWithoutResult(status -> audit.change(VERIFY_ACTION, null, "AuditChain",
                day == null ? "all" : day.toString(), "scope=" + (day == null ? "all" : day) + "; links="
                        + report.linksChecked() + "; checkpoints=" + report.checkpointsChecked() + "; " + result));
        return report;
    }

    /** Break-glass uses not reviewed yet, oldest first; audited as a search of the trail for each patient named. */
    public List<BreakGlassUse> awaitingReview(Actor actor, int max) {
        ComplianceAccess.require(actor);
        List<BreakGlassGrant> grants = clinicalAccess.awaitingReview(max);
        List<Long> patients = grants.stream().map(BreakGlassGrant::getPatientId).distinct().toList();
        Map<Long, String> mrnById = mrns.of(patients);
        // the queue names patients and why their records were opened: seeing it is in each patient's trail
        audit.readEach("AUDIT_SEARCH", patients, "BreakGlassGrant", "break-glass review queue");
        return grants.stream().map(g -> new BreakGlassUse(g.getId(), g.getUsername(), g.getPatientId(),
                mrnById.get(g.getPatientId()), g.getReason(), g.getGrantedAt(), g.getExpiresAt())).toList();
    }

    public long awaitingReviewCount(Actor actor) {
        ComplianceAccess.require(actor);
        return clinicalAccess.awaitingReviewCount();
    }

    /** Marks a break-glass use reviewed by this compliance officer (audited as BREAK_GLASS_REVIEW). */
    public void markReviewed(Actor actor, long grantId) {
        ComplianceAccess.require(actor);
        clinicalAccess.review(actor, grantId);
    }
}
