package org.healthcrm.forms.registry;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** One immutable version of a form definition. */
@Entity
@Table(name = "form_version")
public class FormVersion {

    /** Where a version came from: the packaged forms/ folder, or the browser studio. */
    public enum Source { PACKAGED, STUDIO }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "form_key", nullable = false, length = 100, updatable = false)
    private String formKey;

    @Column(nullable = false, updatable = false)
    private int version;

    @Column(nullable = false, length = 50, updatable = false)
    private String feature;

    @Column(nullable = false, length = 64, updatable = false)
    private String sha256;

    @Lob
    @Column(nullable = false, updatable = false, columnDefinition = "longtext")
    private String definition;

    @Column(nullable = false, length = 20, updatable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Source source;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected FormVersion() {
    }

    FormVersion(String formKey, int version, String feature, String sha256, String definition, Source source,
                Instant createdAt) {
        this.formKey = formKey;
        this.version = version;
        this.feature = feature;
        this.sha256 = sha256;
        this.definition = definition;
        this.source = source;
        this.createdAt = createdAt;
    }

    public String getFormKey() {
        return formKey;
    }

    public int getVersion() {
        return version;
    }

    public String getFeature() {
        return feature;
    }

    public String getSha256() {
        return sha256;
    }

    public String getDefinition() {
        return definition;
    }

    public Source getSource() {
        return source;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
