package org.healthcrm.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.healthcrm.patient.Patient;
import org.healthcrm.patient.PatientRecords;
import org.healthcrm.platform.InvalidInputException;
import org.healthcrm.workflow.ProcessSubmissions;
import org.springframework.stereotype.Component;

/**
 * Applies the front desk's decision on a likely duplicate: "link to the existing patient" sets {@code patientId} to
 * the patient with the MRN given (an unknown MRN is refused at its field); "new patient" leaves it unset.
 */
@Component("applyDuplicateDecision")
public class ApplyDuplicateDecision implements JavaDelegate {

    private final ProcessSubmissions submissions;
    private final PatientRecords patients;

    public ApplyDuplicateDecision(ProcessSubmissions submissions, PatientRecords patients) {
        this.submissions = submissions;
        this.patients = patients;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var review = submissions.required(execution.getProcessInstanceId(), IntakeForms.DUPLICATE_REVIEW).data();
        if ("linkExisting".equals(review.path("resolution").asText())) {
            String mrn = review.path("existingPatientMrn").asText("").strip();
            Patient existing = patients.findByMrn(mrn).orElseThrow(() ->
                    new InvalidInputException("existingPatientMrn", "No patient has the MRN " + mrn));
            execution.setVariable(IntakeForms.PATIENT_ID, existing.getId());
        } else {
            execution.removeVariable(IntakeForms.PATIENT_ID);
        }
    }
}
