package org.healthcrm.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.healthcrm.audit.AuditTrail;
import org.healthcrm.platform.InvalidInputException;
import org.healthcrm.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Consents as given, revoked and expired: the one place later features ask "may we contact this patient by ...". */
@Service
public class Consents {

    private final ConsentRepository consents;
    private final AuditTrail audit;
    private final Clock clock;

    public Consents(ConsentRepository consents, AuditTrail audit, Clock clock) {
        this.consents = consents;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a signed consent form grants. */
    public record Grant(ConsentType type, Instant periodEnd, String releaseTo, String signerName, String signerRelation) {
    }

    @Transactional
    public Consent grant(long patientId, Grant grant, String processInstanceId, String by) {
        if (grant.type() == ConsentType.RELEASE_OF_INFORMATION && (grant.releaseTo() == null || grant.releaseTo().isBlank())) {
            throw new InvalidInputException("releaseTo", "A release of information names the party it releases to");
        }
        Consent consent = consents.save(new Consent(patientId, grant.type(), clock.instant(), grant.periodEnd(),
                grant.releaseTo(), grant.signerName(), grant.signerRelation(), processInstanceId, by));
        audit.change("CONSENT_GRANT", patientId, "Consent", consent.getId().toString(), grant.type().name());
        return consent;
    }

    /** Revokes, at once, every active consent of this type of the patient; returns them. */
    @Transactional
    public List<Consent> revoke(long patientId, ConsentType type, String reason, String by) {
        Instant now = clock.instant();
        List<Consent> active = consents.findByPatientIdAndType(patientId, type).stream()
                .filter(c -> c.statusAt(now) == Consent.Status.ACTIVE).toList();
        if (active.isEmpty()) {
            throw new InvalidInputException("consentType", "The patient has no active consent of type " + type.label());
        }
        active.forEach(c -> {
            c.revoke(now, by, reason);
            audit.change("CONSENT_REVOKE", patientId, "Consent", c.getId().toString(), type.name());
        });
        return active;
    }

    @Transactional
    public void attachDocument(long consentId, long documentId) {
        find(consentId).attachDocument(documentId);
    }

    @Transactional
    public void attachRevocationDocument(long consentId, long documentId) {
        find(consentId).attachRevocationDocument(documentId);
    }

    /** Records the id of the consent's Consent resource in the EHR. */
    @Transactional
    public void linkToEhr(long patientId, long consentId, String ehrConsentId) {
        // not read for it: one statement
        if (consents.linkToEhr(patientId, consentId, ehrConsentId) == 0) {
            throw new NotFoundException("No consent with id " + consentId + " of patient " + patientId);
        }
        audit.change("CONSENT_EHR_LINK", patientId, "Consent", Long.toString(consentId), "ehrConsentId");
    }

    /** All consents of a patient, newest first (the caller audits the read of the page that shows them). */
    @Transactional(readOnly = true)
    public List<Consent> of(long patientId) {
        return consents.findByPatientIdOrderByPeriodStartDescIdDesc(patientId);
    }

    /** Whether the patient has an active consent of this type now. */
    @Transactional(readOnly = true)
    public boolean hasActive(long patientId, ConsentType type) {
        Instant now = clock.instant();
        return consents.findByPatientIdAndType(patientId, type).stream().anyMatch(c -> c.isActiveAt(now));
    }

    @Transactional(readOnly = true)
    public Consent find(long consentId) {
        return consents.findById(consentId).orElseThrow(() -> new NotFoundException("No consent with id " + consentId));
    }

    public Consent.Status statusNow(Consent consent) {
        return consent.statusAt(clock.instant());
    }
}
