package org.healthcrm.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.healthcrm.patient.Patient;
import org.healthcrm.patient.PatientRecords;
import org.healthcrm.workflow.ProcessSubmissions;
import org.springframework.stereotype.Component;

/**
 * Looks for patients who are likely the person being registered (same name and birth date, or same phone) and sets
 * {@code duplicateCandidateCount} and {@code duplicateCandidateIds} (comma-separated patient ids: names and birth dates
 * are no process variables; {@link DuplicateCandidatesPrefill} shows them to the reviewer).
 */
@Component("findDuplicatePatients")
public class FindDuplicatePatients implements JavaDelegate {

    private final ProcessSubmissions submissions;
    private final PatientRecords patients;

    public FindDuplicatePatients(ProcessSubmissions submissions, PatientRecords patients) {
        this.submissions = submissions;
        this.patients = patients;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> entered = submissions.required(execution.getProcessInstanceId(), IntakeForms.DEMOGRAPHICS)
                .record("patient");
        List<Patient> candidates = patients.likelyDuplicates((String) entered.get("givenName"),
                (String) entered.get("familyName"), (LocalDate) entered.get("birthDate"), (String) entered.get("phone"));
        Object registering = execution.getVariable(IntakeForms.PATIENT_ID);
        if (registering instanceof Number id) {
            // a re-registration of a known patient: that patient is not a duplicate of themselves
            candidates = candidates.stream().filter(p -> p.getId() != id.longValue()).toList();
        }
        execution.setVariable("duplicateCandidateCount", candidates.size());
        execution.setVariable("candidateCount", String.valueOf(candidates.size()));
        execution.setVariable(DuplicateCandidatesPrefill.IDS, candidates.stream()
                .map(p -> Long.toString(p.getId())).collect(Collectors.joining(",")));
    }
}
