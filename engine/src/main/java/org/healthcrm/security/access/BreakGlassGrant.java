package org.healthcrm.security.access;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.healthcrm.platform.crypto.EncryptedString;

/** A user's time-limited access to one patient's clinical data beyond their role, with the reason they gave. */
@Entity
@Table(name = "break_glass_grant")
public class BreakGlassGrant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64, updatable = false)
    private String username;

    @Column(name = "patient_id", nullable = false, updatable = false)
    private Long patientId;

    @Convert(converter = EncryptedString.class)
    @Column(nullable = false, length = 2000, updatable = false)
    private String reason;

    @Column(name = "granted_at", nullable = false, updatable = false)
    private Instant grantedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "reviewed_by", length = 64)
    private String reviewedBy;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Version
    private long version;

    protected BreakGlassGrant() {
    }

    BreakGlassGrant(String username, Long patientId, String reason, Instant grantedAt, Instant expiresAt) {
        this.username = username;
        this.patientId = patientId;
        this.reason = reason;
        this.grantedAt = grantedAt;
        this.expiresAt = expiresAt;
    }

    void reviewed(String by, Instant at) {
        this.reviewedBy = by;
        this.reviewedAt = at;
    }

    public boolean isActiveAt(Instant at) {
        return !grantedAt.isAfter(at) && at.isBefore(expiresAt);
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public Long getPatientId() { return patientId; }
    public String getReason() { return reason; }
    public Instant getGrantedAt() { return grantedAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public String getReviewedBy() { return reviewedBy; }
    public Instant getReviewedAt() { return reviewedAt; }
}
