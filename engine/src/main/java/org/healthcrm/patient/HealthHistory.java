package org.healthcrm.patient;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.healthcrm.platform.crypto.EncryptedString;

/**
 * The health history as the patient gave it at intake: allergies, medications and conditions as JSON lists of the
 * form's rows. Clinical: encrypted at rest, shown to nurses. The EHR stays the source of truth.
 */
@Entity
@Table(name = "health_history")
public class HealthHistory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "patient_id", nullable = false, updatable = false)
    private Long patientId;

    @Column(name = "no_known_allergies", nullable = false, updatable = false)
    private boolean noKnownAllergies;

    @Convert(converter = EncryptedString.class)
    @Column(updatable = false, columnDefinition = "text")
    private String allergies;

    @Convert(converter = EncryptedString.class)
    @Column(updatable = false, columnDefinition = "text")
    private String medications;

    @Convert(converter = EncryptedString.class)
    @Column(updatable = false, columnDefinition = "text")
    private String conditions;

    @Column(name = "process_instance_id", length = 64, updatable = false)
    private String processInstanceId;

    @Column(name = "recorded_by", nullable = false, length = 64, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected HealthHistory() {
    }

    public HealthHistory(Long patientId, boolean noKnownAllergies, String allergies, String medications,
                         String conditions, String processInstanceId, String recordedBy, Instant recordedAt) {
        this.patientId = patientId;
        this.noKnownAllergies = noKnownAllergies;
        this.allergies = allergies;
        this.medications = medications;
        this.conditions = conditions;
        this.processInstanceId = processInstanceId;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() { return id; }
    public Long getPatientId() { return patientId; }
    public boolean isNoKnownAllergies() { return noKnownAllergies; }
    /** JSON array of {substance, reaction, severity}. */
    public String getAllergies() { return allergies; }
    /** JSON array of {name, dose, frequency}. */
    public String getMedications() { return medications; }
    /** JSON object {conditions: {...}, otherConditions: "..."}. */
    public String getConditions() { return conditions; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
