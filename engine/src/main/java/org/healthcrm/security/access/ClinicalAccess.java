package org.healthcrm.security.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.healthcrm.audit.AuditEvent;
import org.healthcrm.audit.AuditTrail;
import org.healthcrm.platform.InvalidInputException;
import org.healthcrm.platform.NotFoundException;
import org.healthcrm.security.Actor;
import org.healthcrm.security.Role;
import org.healthcrm.workflow.WorkflowAccessDeniedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Minimum necessary for clinical data (the health history, clinical documents): nurses see it; anyone else who
 * needs it for one patient breaks the glass with a reason and gets access to that patient for a limited time
 * ({@code healthcrm.break-glass.duration}, 30 minutes by default). Every break-glass is audited with its reason and
 * waits in the compliance queue until a compliance officer has reviewed it.
 */
@Service
public class ClinicalAccess {

    /** Roles whose work needs the clinical history. */
    public static final List<Role> CLINICAL_ROLES = List.of(Role.NURSE);
    static final int MIN_REASON_LENGTH = 15;

    private final BreakGlassGrantRepository grants;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration duration;

    public ClinicalAccess(BreakGlassGrantRepository grants, AuditTrail audit, Clock clock,
                          @Value("${healthcrm.break-glass.duration:PT30M}") Duration duration) {
        this.grants = grants;
        this.audit = audit;
        this.clock = clock;
        this.duration = duration;
    }

    /** Whether the user may see this patient's clinical data now: by role, or by a break-glass still running. */
    @Transactional(readOnly = true)
    public boolean allows(Actor actor, long patientId) {
        return CLINICAL_ROLES.stream().anyMatch(actor::has) || activeGrant(actor, patientId).isPresent();
    }

    /** The break-glass grant that gives the user access to this patient now, if any. */
    @Transactional(readOnly = true)
    public Optional<BreakGlassGrant> activeGrant(Actor actor, long patientId) {
        return grants.findByUsernameAndPatientIdAndExpiresAtAfterOrderByExpiresAtDesc(actor.userId(), patientId,
                clock.instant()).stream().findFirst();
    }

    /**
     * Checks access before clinical data is shown; a refusal is audited (outcome DENIED) and thrown. Callers audit
     * the read itself.
     */
    public void require(Actor actor, Long patientId, String what) {
        boolean allowed = patientId == null ? CLINICAL_ROLES.stream().anyMatch(actor::has) : allows(actor, patientId);
        if (!allowed) {
            audit.event("CLINICAL_ACCESS_DENIED", actor.userId(), AuditEvent.Outcome.DENIED, patientId, what, null, null);
            throw new WorkflowAccessDeniedException("The clinical history is for nurses. If you need it for this "
                    + "patient now, break the glass and give the reason.");
        }
    }

    /** Breaks the glass: access to this patient's clinical data for the configured time, audited with the reason. */
    @Transactional
    public BreakGlassGrant breakGlass(Actor actor, long patientId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < MIN_REASON_LENGTH) {
            throw new InvalidInputException("reason", "Say why you need this patient's clinical data (at least "
                    + MIN_REASON_LENGTH + " characters)");
        }
        if (why.length() > 2000) {
            throw new InvalidInputException("reason", "The reason may have at most 2000 characters");
        }
        Instant now = clock.instant();
        BreakGlassGrant grant = grants.save(new BreakGlassGrant(actor.userId(), patientId, why, now, now.plus(duration)));
        audit.change("BREAK_GLASS", patientId, "BreakGlassGrant", Long.toString(grant.getId()),
                "until " + grant.getExpiresAt(), why);
        return grant;
    }

    /** Break-glass uses compliance has not reviewed yet, oldest first (at most {@code max}). */
    @Transactional(readOnly = true)
    public List<BreakGlassGrant> awaitingReview(int max) {
        return grants.findByReviewedAtIsNullOrderByGrantedAtAsc(PageRequest.of(0, max));
    }

    @Transactional(readOnly = true)
    public long awaitingReviewCount() {
        return grants.countByReviewedAtIsNull();
    }

    /** A compliance officer has looked at a break-glass use. */
    @Transactional
    public void review(Actor actor, long grantId) {
        if (!actor.has(Role.COMPLIANCE)) {
            throw new WorkflowAccessDeniedException("Only compliance reviews break-glass uses");
        }
        BreakGlassGrant grant = grants.findById(grantId)
                .orElseThrow(() -> new NotFoundException("No break-glass use with id " + grantId));
        if (grant.getReviewedAt() == null) {
            grant.reviewed(actor.userId(), clock.instant());
            audit.change("BREAK_GLASS_REVIEW", grant.getPatientId(), "BreakGlassGrant", Long.toString(grantId), null);
        }
    }
}
