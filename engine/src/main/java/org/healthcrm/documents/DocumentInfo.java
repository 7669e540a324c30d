package org.healthcrm.documents;

import java.time.Instant;

/** What is known about a stored document without its bytes (lists of a patient's documents load no content). */
public interface DocumentInfo {

    Long getId();

    String getType();

    String getTitle();

    String getMediaType();

    String getSha256();

    long getSizeBytes();

    Long getPatientId();

    Instant getCreatedAt();

    String getCreatedBy();

    /** Holds clinical content: readable by clinical roles, or after a break-glass. */
    boolean isClinical();
}
