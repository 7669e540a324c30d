package org.healthcrm.workflow;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** What was submitted on a completed task, with the form version it was validated against. Never changed. */
@Entity
@Table(name = "task_submission")
public class TaskSubmission {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "task_id", nullable = false, length = 64, updatable = false)
    private String taskId;

    @Column(name = "task_name", nullable = false, updatable = false)
    private String taskName;

    @Column(name = "task_definition_key", nullable = false, updatable = false)
    private String taskDefinitionKey;

    @Column(name = "process_instance_id", nullable = false, length = 64, updatable = false)
    private String processInstanceId;

    @Column(name = "process_key", nullable = false, updatable = false)
    private String processKey;

    @Column(name = "business_key", updatable = false)
    private String businessKey;

    @Column(name = "patient_id", updatable = false)
    private Long patientId;

    @Column(name = "form_key", nullable = false, length = 100, updatable = false)
    private String formKey;

    @Column(name = "form_version", nullable = false, updatable = false)
    private int formVersion;

    @Lob
    @Column(nullable = false, updatable = false, columnDefinition = "longtext")
    @jakarta.persistence.Convert(converter = org.healthcrm.platform.crypto.EncryptedString.class)
    private String data;

    @Column(name = "submitted_by", nullable = false, length = 64, updatable = false)
    private String submittedBy;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    @Column(name = "document_id")
    private Long documentId;

    protected TaskSubmission() {
    }

    TaskSubmission(TaskView task, String formKey, int formVersion, String data, String submittedBy, Instant submittedAt) {
        this.taskId = task.id();
        this.taskName = task.name();
        this.taskDefinitionKey = task.taskDefinitionKey();
        this.processInstanceId = task.processInstanceId();
        this.processKey = task.processKey();
        this.businessKey = task.businessKey();
        this.patientId = task.patientId();
        this.formKey = formKey;
        this.formVersion = formVersion;
        this.data = data;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
    }

    void attachDocument(long documentId) {
        this.documentId = documentId;
    }

    public Long getId() {
        return id;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getTaskName() {
        return taskName;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getProcessKey() {
        return processKey;
    }

    public Long getPatientId() {
        return patientId;
    }

    public String getFormKey() {
        return formKey;
    }

    public int getFormVersion() {
        return formVersion;
    }

    public String getData() {
        return data;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Long getDocumentId() {
        return documentId;
    }
}
