package org.healthcrm.workflow;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A user's unvalidated work in progress on a task, kept until the task is completed. */
@Entity
@Table(name = "task_draft")
public class TaskDraft {

    @EmbeddedId
    private Id id;

    @Lob
    @Column(nullable = false, columnDefinition = "longtext")
    @jakarta.persistence.Convert(converter = org.healthcrm.platform.crypto.EncryptedString.class)
    private String data;

    @Column(name = "saved_at", nullable = false)
    private Instant savedAt;

    protected TaskDraft() {
    }

    TaskDraft(String taskId, String username, String data, Instant savedAt) {
        this.id = new Id(taskId, username);
        this.data = data;
        this.savedAt = savedAt;
    }

    void replace(String data, Instant savedAt) {
        this.data = data;
        this.savedAt = savedAt;
    }

    public String getData() {
        return data;
    }

    public Instant getSavedAt() {
        return savedAt;
    }

    @Embeddable
    public record Id(@Column(name = "task_id", length = 64) String taskId,
                     @Column(name = "username", length = 64) String username) implements Serializable {
    }
}
