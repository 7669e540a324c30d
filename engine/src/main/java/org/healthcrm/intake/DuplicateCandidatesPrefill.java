package org.healthcrm.intake;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.healthcrm.patient.Patient;
import org.healthcrm.patient.PatientRecords;
import org.healthcrm.platform.NotFoundException;
import org.healthcrm.workflow.FormPrefill;
import org.springframework.stereotype.Component;

/**
 * Shows the reviewer of a possible duplicate who the candidates are (MRN, name, birth date, phone), read from the
 * patient records when the task opens: the process keeps only their ids ({@value #IDS}). Each candidate shown is a
 * read of that patient's record, audited.
 */
@Component
class DuplicateCandidatesPrefill implements FormPrefill {

    static final String IDS = "duplicateCandidateIds";
    static final String FIELD = "duplicateCandidates";

    private final PatientRecords patients;

    DuplicateCandidatesPrefill(PatientRecords patients) {
        this.patients = patients;
    }

    @Override
    public Map<String, Object> prefill(String formKey, Map<String, Object> variables) {
        if (!IntakeForms.DUPLICATE_REVIEW.equals(formKey) || !(variables.get(IDS) instanceof String ids)
                || ids.isBlank()) {
            return Map.of();
        }
        String lines = Arrays.stream(ids.split(",")).map(String::strip).map(Long::parseLong)
                .map(this::lineOf).filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"));
        return Map.of(FIELD, lines);
    }

    private String lineOf(long patientId) {
        try {
            Patient p = patients.read(patientId);
            return p.getMrn() + " · " + p.getDisplayName() + " · born " + p.getBirthDate()
                    + (p.getPhone() == null ? "" : " · phone " + p.getPhone());
        } catch (NotFoundException e) {
            return "";
        }
    }
}
