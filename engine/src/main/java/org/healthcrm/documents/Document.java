package org.healthcrm.documents;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * A generated document (a PDF): its bytes, the SHA-256 of those bytes, who made it and when. Never changed, except
 * that it learns the id of its copy in the EHR once sent.
 */
@Entity
@Table(name = "document")
public class Document {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 50, updatable = false)
    private String type;

    @Column(nullable = false, updatable = false)
    private String title;

    @Column(name = "media_type", nullable = false, length = 100, updatable = false)
    private String mediaType;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, updatable = false, columnDefinition = "longblob")
    @jakarta.persistence.Convert(converter = org.healthcrm.platform.crypto.EncryptedBytes.class)
    private byte[] content;

    @Column(nullable = false, length = 64, updatable = false)
    private String sha256;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "patient_id", updatable = false)
    private Long patientId;

    @Column(name = "process_instance_id", length = 64, updatable = false)
    private String processInstanceId;

    @Column(name = "created_by", nullable = false, length = 64, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** Holds clinical content (a health history): for clinical roles, or after a break-glass. */
    @Column(nullable = false, updatable = false)
    private boolean clinical;

    /** The id of the DocumentReference that carries this document in the EHR, once sent. */
    @Column(name = "ehr_document_reference_id", length = 64)
    private String ehrDocumentReferenceId;

    protected Document() {
    }

    Document(String type, String title, String mediaType, byte[] content, String sha256, Long patientId,
             String processInstanceId, String createdBy, Instant createdAt, boolean clinical) {
        this.clinical = clinical;
        this.type = type;
        this.title = title;
        this.mediaType = mediaType;
        this.content = content;
        this.sha256 = sha256;
        this.sizeBytes = content.length;
        this.patientId = patientId;
        this.processInstanceId = processInstanceId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public String getMediaType() {
        return mediaType;
    }

    public byte[] getContent() {
        return content;
    }

    public String getSha256() {
        return sha256;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public Long getPatientId() {
        return patientId;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public boolean isClinical() {
        return clinical;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getEhrDocumentReferenceId() {
        return ehrDocumentReferenceId;
    }
}
