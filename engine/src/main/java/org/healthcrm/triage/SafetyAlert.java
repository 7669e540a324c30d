package org.healthcrm.triage;

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

/**
 * What a red-flag screening found: shown as a banner on the patient (and on the intake's tasks before the patient is
 * registered) until a nurse resolves it. The findings, with the published source of each rule, are clinical and
 * encrypted at rest.
 */
@Entity
@Table(name = "safety_alert")
public class SafetyAlert {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "patient_id")
    private Long patientId;

    @Column(name = "process_instance_id", nullable = false, length = 64, updatable = false)
    private String processInstanceId;

    @Column(nullable = false, length = 20, updatable = false)
    private String disposition;

    /** JSON array of {finding, source}. */
    @Convert(converter = EncryptedString.class)
    @Column(nullable = false, updatable = false, columnDefinition = "text")
    private String findings;

    @Column(name = "raised_at", nullable = false, updatable = false)
    private Instant raisedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "resolved_by", length = 64)
    private String resolvedBy;

    @Version
    private long version;

    protected SafetyAlert() {
    }

    SafetyAlert(Long patientId, String processInstanceId, String disposition, String findings, Instant raisedAt) {
        this.patientId = patientId;
        this.processInstanceId = processInstanceId;
        this.disposition = disposition;
        this.findings = findings;
        this.raisedAt = raisedAt;
    }

    void assignPatient(Long patientId) {
        this.patientId = patientId;
    }

    void resolve(Instant at, String by) {
        this.resolvedAt = at;
        this.resolvedBy = by;
    }

    public boolean isOpen() {
        return resolvedAt == null;
    }

    public Long getId() { return id; }
    public Long getPatientId() { return patientId; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getDisposition() { return disposition; }
    public String getFindings() { return findings; }
    public Instant getRaisedAt() { return raisedAt; }
    public Instant getResolvedAt() { return resolvedAt; }
    public String getResolvedBy() { return resolvedBy; }
}
