package org.healthcrm.intake;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.healthcrm.consent.Consents;
import org.healthcrm.documents.Document;
import org.healthcrm.documents.DocumentStore;
import org.healthcrm.documents.SubmissionPdf;
import org.healthcrm.patient.Patient;
import org.healthcrm.patient.PatientRepository;
import org.healthcrm.workflow.ProcessSubmissions;
import org.springframework.stereotype.Component;

/**
 * The intake packet: one PDF with the patient's identity on the cover and every form of the intake (demographics,
 * health history, each consent with its signature, insurance, review) as sections. Stored as a document of the
 * patient (a clinical document: it holds the health history), and, without the clinical sections, as the "Signed
 * consents" document attached to the consents it evidences. Sets {@code intakePacketDocumentId}.
 */
@Component("generateIntakePacket")
public class GenerateIntakePacket implements JavaDelegate {

    public static final String DOCUMENT_TYPE = "INTAKE_PACKET";
    public static final String CONSENTS_DOCUMENT_TYPE = "SIGNED_CONSENTS";

    private final ProcessSubmissions submissions;
    private final PatientRepository patients;
    private final SubmissionPdf pdf;
    private final DocumentStore documents;
    private final Consents consents;
    private final Clock clock;

    public GenerateIntakePacket(ProcessSubmissions submissions, PatientRepository patients, SubmissionPdf pdf,
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
        String instance = execution.getProcessInstanceId();
        long patientId = ((Number) execution.getVariable(IntakeForms.PATIENT_ID)).longValue();
        Patient patient = patients.findById(patientId).orElseThrow();
        Map<String, String> cover = new LinkedHashMap<>();
        cover.put("Patient", patient.getGivenName() + " " + patient.getFamilyName());
        cover.put("Medical record number", patient.getMrn());
        cover.put("Date of birth", patient.getBirthDate() == null ? null : patient.getBirthDate().toString());
        cover.put("Intake", instance);
        List<SubmissionPdf.PacketPart> parts = submissions.latestPerForm(instance).stream()
                .map(s -> new SubmissionPdf.PacketPart(s.form(), s.data(), s.submittedBy(), s.submittedAt()))
                .toList();
        String initiator = String.valueOf(execution.getVariable("initiator"));
        // the whole packet holds the health history: a clinical document (nurses, the EHR)
        byte[] bytes = pdf.renderPacket("Intake packet", patient.getMrn(), cover, parts, clock.instant());
        Document document = documents.storePdf(DOCUMENT_TYPE, "Intake packet " + patient.getMrn(), bytes, patientId,
                instance, initiator, true);
        // the consents are evidenced by the same packet without its clinical sections, which the front desk may open
        List<SubmissionPdf.PacketPart> administrative = parts.stream().filter(p -> !p.form().clinical()).toList();
        byte[] signed = pdf.renderPacket("Signed consents", patient.getMrn(), cover, administrative, clock.instant());
        Document consentDocument = documents.storePdf(CONSENTS_DOCUMENT_TYPE, "Signed consents " + patient.getMrn(),
                signed, patientId, instance, initiator, false);
        Object ids = execution.getVariable("consentIds");
        if (ids instanceof String list && !list.isBlank()) {
            for (String id : list.split(",")) {
                consents.attachDocument(Long.parseLong(id), consentDocument.getId());
            }
        }
        execution.setVariable("intakePacketDocumentId", document.getId());
    }
}
