package org.healthcrm.patient;

import java.time.Instant;
import java.time.LocalDate;

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

/** How a patient pays: an insurance policy, or self-pay with a payment-method reference (never a card number). */
@Entity
@Table(name = "coverage")
public class Coverage {

    public enum Type { INSURANCE, SELF_PAY }

    public enum Status { ACTIVE, REPLACED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "patient_id", nullable = false, updatable = false)
    private Long patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    private Type type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.ACTIVE;

    @Convert(converter = EncryptedString.class)
    private String payer;

    @Convert(converter = EncryptedString.class)
    @Column(name = "member_id")
    private String memberId;

    @Convert(converter = EncryptedString.class)
    @Column(name = "group_number")
    private String groupNumber;

    @Column(name = "subscriber_relation", length = 20)
    private String subscriberRelation;

    @Convert(converter = EncryptedString.class)
    @Column(name = "subscriber_name")
    private String subscriberName;

    @Column(name = "payment_method", length = 20)
    private String paymentMethod;

    @Convert(converter = EncryptedString.class)
    @Column(name = "payment_reference")
    private String paymentReference;

    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;

    @Column(name = "period_end")
    private LocalDate periodEnd;

    @Column(name = "process_instance_id", length = 64, updatable = false)
    private String processInstanceId;

    @Column(name = "ehr_coverage_id", length = 64)
    private String ehrCoverageId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Coverage() {
    }

    Coverage(Long patientId, Type type, LocalDate periodStart, String processInstanceId, Instant createdAt) {
        this.patientId = patientId;
        this.type = type;
        this.periodStart = periodStart;
        this.processInstanceId = processInstanceId;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public Long getPatientId() { return patientId; }
    public Type getType() { return type; }
    public Status getStatus() { return status; }
    public String getPayer() { return payer; }
    public String getMemberId() { return memberId; }
    public String getGroupNumber() { return groupNumber; }
    public String getSubscriberRelation() { return subscriberRelation; }
    public String getSubscriberName() { return subscriberName; }
    public String getPaymentMethod() { return paymentMethod; }
    public String getPaymentReference() { return paymentReference; }
    public LocalDate getPeriodStart() { return periodStart; }
    public LocalDate getPeriodEnd() { return periodEnd; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getEhrCoverageId() { return ehrCoverageId; }
    public Instant getCreatedAt() { return createdAt; }

    void setPayer(String payer) { this.payer = payer; }
    void setMemberId(String memberId) { this.memberId = memberId; }
    void setGroupNumber(String groupNumber) { this.groupNumber = groupNumber; }
    void setSubscriberRelation(String subscriberRelation) { this.subscriberRelation = subscriberRelation; }
    void setSubscriberName(String subscriberName) { this.subscriberName = subscriberName; }
    void setPaymentMethod(String paymentMethod) { this.paymentMethod = paymentMethod; }
    void setPaymentReference(String paymentReference) { this.paymentReference = paymentReference; }

    void replaced(LocalDate end) {
        this.status = Status.REPLACED;
        this.periodEnd = end;
    }
}
