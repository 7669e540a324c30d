package org.healthcrm.workflow;

import java.time.Clock;
import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.healthcrm.documents.Document;
import org.healthcrm.documents.DocumentStore;
import org.healthcrm.documents.SubmissionInfo;
import org.healthcrm.documents.SubmissionPdf;
import org.springframework.stereotype.Component;

/**
 * Keeps what was submitted on a task: the cleaned data with the form version it was validated against, and its PDF
 * (with the SHA-256 of the PDF bytes). Runs inside the transaction that completes the task, so a task is never
 * completed without its record.
 */
@Component
class SubmissionArchive {

    static final String DOCUMENT_TYPE = "FORM_SUBMISSION";

    private final TaskSubmissionRepository submissions;
    private final SubmissionPdf pdf;
    private final DocumentStore documents;
    private final Clock clock;

    SubmissionArchive(TaskSubmissionRepository submissions, SubmissionPdf pdf, DocumentStore documents, Clock clock) {
        this.submissions = submissions;
        this.pdf = pdf;
        this.documents = documents;
        this.clock = clock;
    }

    TaskSubmission record(TaskView task, TaskForms.Form form, ObjectNode cleaned, String submittedBy) {
        Instant now = clock.instant();
        byte[] bytes = pdf.render(form.model(), cleaned, new SubmissionInfo(submittedBy, now, task.name(),
                task.processName(), task.processInstanceId(), task.businessKey(), form.key(), form.version()));
        Document document = documents.storePdf(DOCUMENT_TYPE, form.model().title() + " — " + task.name(), bytes,
                task.patientId(), task.processInstanceId(), submittedBy, form.model().clinical());
        // the document first, so the submission is written once, with it
        TaskSubmission submission = new TaskSubmission(task, form.key(), form.version(), cleaned.toString(),
                submittedBy, now);
        submission.attachDocument(document.getId());
        return submissions.save(submission);
    }
}
