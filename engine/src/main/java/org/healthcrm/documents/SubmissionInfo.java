package org.healthcrm.documents;

import java.time.Instant;
import java.util.Objects;

/**
 * Who submitted a form, when, and in which task of which process: the metadata printed at the top of the
 * submission's PDF.
 *
 * @param submittedBy       the user name of the person who completed the task
 * @param submittedAt       when the task was completed
 * @param taskName          the task's name as the inbox shows it; may be null
 * @param processName       the process definition's name; may be null
 * @param processInstanceId the engine's process instance id; may be null
 * @param businessKey       the process instance's business key; may be null
 * @param formKey           the form's key
 * @param formVersion       the version of the form the data was validated against
 */
public record SubmissionInfo(String submittedBy, Instant submittedAt, String taskName, String processName,
                             String processInstanceId, String businessKey, String formKey, int formVersion) {

    public SubmissionInfo {
        Objects.requireNonNull(submittedBy, "submittedBy");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(formKey, "formKey");
    }
}
