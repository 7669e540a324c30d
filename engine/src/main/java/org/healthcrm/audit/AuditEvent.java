package org.healthcrm.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One audited event. Append-only: the entity is immutable and no code path updates or deletes it. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

    public enum Outcome { SUCCESS, DENIED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(length = 200)
    private String roles;

    @Column(nullable = false, length = 60)
    private String action;

    @Column(name = "patient_id")
    private Long patientId;

    @Column(name = "object_type", length = 60)
    private String objectType;

    @Column(name = "object_id", length = 64)
    private String objectId;

    @Column(nullable = false, length = 20)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Outcome outcome;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    @Column(name = "request_id", length = 64)
    private String requestId;

    @Column(length = 500)
    private String reason;

    /** Which fields changed, which type of consent: never values. */
    @Column(length = 1000)
    private String detail;

    /** For JPA: events are read as entities and written by {@link AuditTrail} alone, with plain SQL. */
    protected AuditEvent() {
    }

    public Long getId() { return id; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getUsername() { return username; }
    public String getRoles() { return roles; }
    public String getAction() { return action; }
    public Long getPatientId() { return patientId; }
    public String getObjectType() { return objectType; }
    public String getObjectId() { return objectId; }
    public Outcome getOutcome() { return outcome; }
    public String getClientAddress() { return clientAddress; }
    public String getRequestId() { return requestId; }
    public String getReason() { return reason; }
    public String getDetail() { return detail; }
}
