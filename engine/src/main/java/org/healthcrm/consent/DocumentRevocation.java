package org.healthcrm.consent;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.healthcrm.documents.Document;
import org.healthcrm.documents.DocumentStore;
import org.healthcrm.documents.SubmissionPdf;
import org.healthcrm.patient.Patient;
import org.healthcrm.patient.PatientRepository;
import org.healthcrm.workflow.ProcessSubmissions;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;

/** The revocation as a PDF document of the patient, attached to each consent it revoked. Sets {@code revocationDocumentId}. */
@Component("documentRevocation")
public class DocumentRevocation implements JavaDelegate {

    public static final String DOCUMENT_TYPE = "CONSENT_REVOCATION";

    private final ProcessSubmissions submissions;
    private final PatientRepository patients;
    private final SubmissionPdf pdf;
    private final DocumentStore documents;
    private final Consents consents;
    private final Clock clock;

    public DocumentRevocation(ProcessSubmissions submissions, PatientRepository patients, SubmissionPdf pdf,
                              DocumentStore documents, Consents consents, Clock clock) {
        this.submissions = submissions;
        this.patients = patients;
        this.pdf = pdf;
        this.documents = documents;
        this.consents = consents;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long patientId = ((Number) execution.getVariable("patientId")).longValue();
        Patient patient = patients.findById(patientId).orElseThrow();
        var form = submissions.required(execution.getProcessInstanceId(), RevokeConsent.FORM);
        ConsentType type = ConsentType.fromFormValue(form.data().path("consentType").asText());
        Map<String, String> cover = new LinkedHashMap<>();
        cover.put("Patient", patient.getGivenName() + " " + patient.getFamilyName());
        cover.put("Medical record number", patient.getMrn());
        cover.put("Consent revoked", type.label());
        cover.put("Revoked at", clock.instant().toString());
        byte[] bytes = pdf.renderPacket("Consent revocation", patient.getMrn(), cover,
                List.of(new SubmissionPdf.PacketPart(form.form(), form.data(), form.submittedBy(), form.submittedAt())),
                clock.instant());
        Document document = documents.storePdf(DOCUMENT_TYPE, "Consent revocation " + patient.getMrn() + " · "
                + type.label(), bytes, patientId, execution.getProcessInstanceId(), form.submittedBy(), false);
        for (String id : ((String) execution.getVariable("revokedConsentIds")).split(",")) {
            consents.attachRevocationDocument(Long.parseLong(id), document.getId());
        }
        execution.setVariable("revocationDocumentId", document.getId());
    }
}
