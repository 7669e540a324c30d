package org.healthcrm.intake;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.healthcrm.consent.Consent;
import org.healthcrm.consent.ConsentType;
import org.healthcrm.consent.Consents;
import org.healthcrm.patient.Coverages;
import org.healthcrm.patient.HealthHistory;
import org.healthcrm.patient.HealthHistoryRepository;
import org.healthcrm.patient.Patient;
import org.healthcrm.patient.PatientRecords;
import org.healthcrm.triage.SafetyAlerts;
import org.healthcrm.workflow.ProcessSubmissions;
import org.healthcrm.workflow.ProcessSubmissions.Submitted;
import org.springframework.stereotype.Component;

/**
 * Turns a reviewed intake into records, in the transaction of the review: creates the patient (or updates the one
 * the duplicate review linked), records the coverage, the health history as entered and each consent given, and
 * gives the intake's red-flag banner to the patient. Sets {@code patientId}, and {@code consentIds} (comma-separated).
 */
@Component("registerPatient")
public class RegisterPatient implements JavaDelegate {

    private final ProcessSubmissions submissions;
    private final PatientRecords patients;
    private final Coverages coverages;
    private final HealthHistoryRepository histories;
    private final Consents consents;
    private final SafetyAlerts alerts;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public RegisterPatient(ProcessSubmissions submissions, PatientRecords patients, Coverages coverages,
                           HealthHistoryRepository histories, Consents consents, SafetyAlerts alerts,
                           ObjectMapper objectMapper, Clock clock) {
        this.submissions = submissions;
        this.patients = patients;
        this.coverages = coverages;
        this.histories = histories;
        this.consents = consents;
        this.alerts = alerts;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String instance = execution.getProcessInstanceId();
        ProcessSubmissions.Latest forms = submissions.latestOfEach(instance);
        Map<String, Object> demographics = forms.required(IntakeForms.DEMOGRAPHICS).record("patient");
        Object linked = execution.getVariable(IntakeForms.PATIENT_ID);
        Patient patient = linked instanceof Number id ? patients.update(id.longValue(), demographics)
                : patients.create(demographics);
        long patientId = patient.getId();

        coverages.record(patientId, forms.required(IntakeForms.INSURANCE).record("coverage"), instance);

        Submitted history = forms.required(IntakeForms.HEALTH_HISTORY);
        histories.save(historyOf(patientId, history, instance));

        Submitted consentForm = forms.required(IntakeForms.CONSENTS);
        List<Long> consentIds = new ArrayList<>();
        for (Consents.Grant grant : grantsOf(consentForm.record("consent"))) {
            Consent consent = consents.grant(patientId, grant, instance, consentForm.submittedBy());
            consentIds.add(consent.getId());
        }
        alerts.assignToPatient(instance, patientId);
        execution.setVariable(IntakeForms.PATIENT_ID, patientId);
        execution.setVariable("consentIds", String.join(",", consentIds.stream().map(String::valueOf).toList()));
        // what the confirmation gateway decides on: the consent as registered (the form's answers are no variables)
        execution.setVariable("consentEmail", consents.hasActive(patientId, ConsentType.CONTACT_EMAIL));
    }

    private HealthHistory historyOf(long patientId, Submitted history, String instance) {
        ObjectNode data = history.data();
        ObjectNode conditions = objectMapper.createObjectNode();
        conditions.set("conditions", data.path("conditions").deepCopy());
        if (data.hasNonNull("otherConditions")) {
            conditions.put("otherConditions", data.get("otherConditions").asText());
        }
        return new HealthHistory(patientId, data.path("noKnownAllergies").asBoolean(false),
                json(data.get("allergies")), json(data.get("medications")), conditions.toString(), instance,
                history.submittedBy(), clock.instant());
    }

    private static String json(JsonNode node) {
        return node == null || node.isNull() ? "[]" : node.toString();
    }

    /** The consents a signed consent form grants (its {@code consent.*} record fields). */
    List<Consents.Grant> grantsOf(Map<String, Object> form) {
        boolean guardianSigns = form.get("guardianSignerName") != null;
        String signer = (String) (guardianSigns ? form.get("guardianSignerName") : form.get("signerName"));
        String relation = guardianSigns ? (String) form.get("guardianSignerRelation") : "self";
        Object months = form.get("validityMonths");
        int validity = months instanceof Number n ? n.intValue() : months instanceof String s && !s.isBlank()
                ? Integer.parseInt(s.strip()) : 12;
        var periodEnd = clock.instant().atZone(ZoneOffset.UTC).plusMonths(validity).toInstant();
        List<Consents.Grant> grants = new ArrayList<>();
        if (Boolean.TRUE.equals(form.get("treatment"))) {
            grants.add(new Consents.Grant(ConsentType.TREATMENT, periodEnd, null, signer, relation));
        }
        if (Boolean.TRUE.equals(form.get("privacyNotice"))) {
            grants.add(new Consents.Grant(ConsentType.PRIVACY_NOTICE, null, null, signer, relation));
        }
        if (Boolean.TRUE.equals(form.get("contactSms"))) {
            grants.add(new Consents.Grant(ConsentType.CONTACT_SMS, null, null, signer, relation));
        }
        if (Boolean.TRUE.equals(form.get("contactEmail"))) {
            grants.add(new Consents.Grant(ConsentType.CONTACT_EMAIL, null, null, signer, relation));
        }
        if (Boolean.TRUE.equals(form.get("releaseOfInformation"))) {
            grants.add(new Consents.Grant(ConsentType.RELEASE_OF_INFORMATION, periodEnd, (String) form.get("releaseTo"),
                    signer, relation));
        }
        return grants;
    }
}
