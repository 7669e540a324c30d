package org.healthcrm.workflow;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.healthcrm.forms.DomainValues;
import org.healthcrm.forms.FormDefinition;
import org.healthcrm.forms.registry.FormRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What was submitted in a process instance, as delegates read it: the cleaned data of each form (the latest
 * submission per form key), the form version it was validated against, and its record-field values
 * ({@code properties.domain}). The submissions are the record of what people entered; process variables are copies.
 */
@Service
public class ProcessSubmissions {

    private final TaskSubmissionRepository submissions;
    private final FormRegistry registry;
    private final ObjectMapper objectMapper;

    public ProcessSubmissions(TaskSubmissionRepository submissions, FormRegistry registry, ObjectMapper objectMapper) {
        this.submissions = submissions;
        this.registry = registry;
        this.objectMapper = objectMapper;
    }

    /** One form's submission in a process instance. */
    public record Submitted(String formKey, int formVersion, FormDefinition form, ObjectNode data, String submittedBy,
                            Instant submittedAt, String taskName, Long documentId) {

        /** The values of the record fields of one record ("patient"), without the prefix: {@code givenName -> "Zoë"}. */
        public Map<String, Object> record(String record) {
            String prefix = record + ".";
            return DomainValues.of(form, data).entrySet().stream()
                    .filter(e -> e.getKey().startsWith(prefix))
                    .collect(Collectors.toMap(e -> e.getKey().substring(prefix.length()), Map.Entry::getValue,
                            (a, b) -> b, LinkedHashMap::new));
        }
    }

    /** The latest submission of each form in the instance, in the order the forms were first submitted. */
    @Transactional(readOnly = true)
    public List<Submitted> latestPerForm(String processInstanceId) {
        Map<String, TaskSubmission> latest = new LinkedHashMap<>();
        for (TaskSubmission s : submissions.findByProcessInstanceIdOrderByIdAsc(processInstanceId)) {
            latest.merge(s.getFormKey(), s, (a, b) -> b);
        }
        return latest.values().stream().map(this::submitted).toList();
    }

    /**
     * The latest submission of each form in the instance, read in one query, for a delegate that needs several forms
     * (where {@link #required} reads one at a time).
     */
    @Transactional(readOnly = true)
    public Latest latestOfEach(String processInstanceId) {
        Map<String, Submitted> byForm = new LinkedHashMap<>();
        latestPerForm(processInstanceId).forEach(submitted -> byForm.put(submitted.formKey(), submitted));
        return new Latest(processInstanceId, Collections.unmodifiableMap(byForm));
    }

    /** The latest submission of each form of one process instance, by form key. */
    public record Latest(String processInstanceId, Map<String, Submitted> byForm) {

        /** Like {@link ProcessSubmissions#required}: the submission of a form the process cannot go on without. */
        public Submitted required(String formKey) {
            return Optional.ofNullable(byForm.get(formKey)).orElseThrow(() -> missing(processInstanceId, formKey));
        }
    }

    @Transactional(readOnly = true)
    public Optional<Submitted> latest(String processInstanceId, String formKey) {
        return submissions.findFirstByProcessInstanceIdAndFormKeyOrderByIdDesc(processInstanceId, formKey)
                .map(this::submitted);
    }

    /** Like {@link #latest} for a form the process cannot go on without. */
    @Transactional(readOnly = true)
    public Submitted required(String processInstanceId, String formKey) {
        return latest(processInstanceId, formKey).orElseThrow(() -> missing(processInstanceId, formKey));
    }

    private static IllegalStateException missing(String processInstanceId, String formKey) {
        return new IllegalStateException("Process instance " + processInstanceId + " has no submission of form "
                + formKey);
    }

    private Submitted submitted(TaskSubmission s) {
        try {
            FormDefinition form = registry.version(s.getFormKey(), s.getFormVersion()).definition();
            return new Submitted(s.getFormKey(), s.getFormVersion(), form,
                    (ObjectNode) objectMapper.readTree(s.getData()), s.getSubmittedBy(), s.getSubmittedAt(),
                    s.getTaskName(), s.getDocumentId());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Submission " + s.getId() + " holds data that is not JSON", e);
        }
    }
}
