package org.healthcrm.consent;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.healthcrm.platform.crypto.EncryptedString;

/**
 * A consent a patient (or their guardian) gave, with its period and the signed document. Revoked by the
 * consent-revocation process; expired once its period has ended ({@link #statusAt}).
 */
@Entity
@Table(name = "consent")
public class Consent {

    public enum Status { ACTIVE, REVOKED, EXPIRED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "patient_id", nullable = false, updatable = false)
    private Long patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40, updatable = false)
    private ConsentType type;

    /** ACTIVE or REVOKED as stored; EXPIRED is derived from the period. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.ACTIVE;

    @Column(name = "period_start", nullable = false, updatable = false)
    private Instant periodStart;

    @Column(name = "period_end", updatable = false)
    private Instant periodEnd;

    /** For a release of information: the named party. */
    @Convert(converter = EncryptedString.class)
    @Column(name = "release_to", updatable = false)
    private String releaseTo;

    @Convert(converter = EncryptedString.class)
    @Column(name = "signer_name", updatable = false)
    private String signerName;

    /** self, parent, legalGuardian, healthcarePowerOfAttorney. */
    @Column(name = "signer_relation", length = 40, updatable = false)
    private String signerRelation;

    @Column(name = "document_id")
    private Long documentId;

    @Column(name = "process_instance_id", length = 64, updatable = false)
    private String processInstanceId;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = 64)
    private String revokedBy;

    @Convert(converter = EncryptedString.class)
    @Column(name = "revocation_reason")
    private String revocationReason;

    @Column(name = "revocation_document_id")
    private Long revocationDocumentId;

    @Column(name = "ehr_consent_id", length = 64)
    private String ehrConsentId;

    @Column(name = "created_by", nullable = false, length = 64, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Consent() {
    }

    Consent(Long patientId, ConsentType type, Instant periodStart, Instant periodEnd, String releaseTo,
            String signerName, String signerRelation, String processInstanceId, String createdBy) {
        this.patientId = patientId;
        this.type = type;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.releaseTo = releaseTo;
        this.signerName = signerName;
        this.signerRelation = signerRelation;
        this.processInstanceId = processInstanceId;
        this.createdBy = createdBy;
        this.createdAt = periodStart;
    }

    /** The status at an instant: a consent whose period ended is EXPIRED unless it was revoked first. */
    public Status statusAt(Instant now) {
        if (status == Status.REVOKED) {
            return Status.REVOKED;
        }
        return periodEnd != null && !now.isBefore(periodEnd) ? Status.EXPIRED : Status.ACTIVE;
    }

    public boolean isActiveAt(Instant now) {
        return statusAt(now) == Status.ACTIVE && !now.isBefore(periodStart);
    }

    void revoke(Instant at, String by, String reason) {
        this.status = Status.REVOKED;
        this.revokedAt = at;
        this.revokedBy = by;
        this.revocationReason = reason;
    }

    void attachDocument(Long documentId) {
        this.documentId = documentId;
    }

    void attachRevocationDocument(Long documentId) {
        this.revocationDocumentId = documentId;
    }

    public Long getId() { return id; }
    public Long getPatientId() { return patientId; }
    public ConsentType getType() { return type; }
    public Instant getPeriodStart() { return periodStart; }
    public Instant getPeriodEnd() { return periodEnd; }
    public String getReleaseTo() { return releaseTo; }
    public String getSignerName() { return signerName; }
    public String getSignerRelation() { return signerRelation; }
    public Long getDocumentId() { return documentId; }
    public String getProcessInstanceId() { return processInstanceId; }
    public Instant getRevokedAt() { return revokedAt; }
    public String getRevokedBy() { return revokedBy; }
    public String getRevocationReason() { return revocationReason; }
    public Long getRevocationDocumentId() { return revocationDocumentId; }
    public String getEhrConsentId() { return ehrConsentId; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
}
