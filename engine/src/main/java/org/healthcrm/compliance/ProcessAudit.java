package org.healthcrm.compliance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.healthcrm.audit.AuditTrail;
import org.healthcrm.forms.FormDefinition;
import org.healthcrm.forms.registry.FormRegistry;
import org.healthcrm.platform.InvalidInputException;
import org.healthcrm.platform.NotFoundException;
import org.healthcrm.security.Actor;
import org.healthcrm.security.access.ClinicalAccess;
import org.healthcrm.workflow.TaskSubmission;
import org.healthcrm.workflow.TaskSubmissionRepository;
import org.healthcrm.workflow.WorkTaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A process instance for the compliance officer: the engine's full history (every activity instance, the tasks'
 * assignees, who started the process and who completed each task, from the user operation log) with the form data
 * of each submission read from the encrypted submission archive.
 *
 * <p>Showing form data is a read of the patient's data: each submission shown is audited ({@code SUBMISSION_READ}).
 * Minimum necessary applies as elsewhere: the answers of a form with clinical questions are withheld unless the
 * viewer has clinical access to the patient ({@link ClinicalAccess}).
 */
@Service
public class ProcessAudit {

    /** Most steps shown of one instance; an intake has about 30. */
    static final int MAX_STEPS = 1_000;

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("userTask", "User task"), Map.entry("serviceTask", "Service task"),
            Map.entry("businessRuleTask", "Decision"), Map.entry("sendTask", "Send task"),
            Map.entry("scriptTask", "Script task"), Map.entry("startEvent", "Start"),
            Map.entry("noneEndEvent", "End"), Map.entry("exclusiveGateway", "Gateway"),
            Map.entry("parallelGateway", "Gateway"), Map.entry("inclusiveGateway", "Gateway"),
            Map.entry("subProcess", "Sub-process"), Map.entry("callActivity", "Call activity"),
            Map.entry("boundaryTimer", "Timer"), Map.entry("intermediateTimer", "Timer"),
            Map.entry("intermediateNoneThrowEvent", "Event"), Map.entry("intermediateSignalThrow", "Signal"),
            Map.entry("boundarySignal", "Signal"), Map.entry("boundaryMessage", "Message"),
            Map.entry("boundaryError", "Error"));

    private final HistoryService history;
    private final TaskSubmissionRepository submissions;
    private final FormRegistry forms;
    private final ObjectMapper objectMapper;
    private final ClinicalAccess clinicalAccess;
    private final AuditTrail audit;
    private final PatientMrns mrns;

    public ProcessAudit(HistoryService history, TaskSubmissionRepository submissions, FormRegistry forms,
                        ObjectMapper objectMapper, ClinicalAccess clinicalAccess, AuditTrail audit, PatientMrns mrns) {
        this.history = history;
        this.submissions = submissions;
        this.forms = forms;
        this.objectMapper = objectMapper;
        this.clinicalAccess = clinicalAccess;
        this.audit = audit;
        this.mrns = mrns;
    }

    /**
     * The instance with this id, or with this business key when no instance has the id.
     *
     * @throws NotFoundException     when neither names an instance
     * @throws InvalidInputException when the business key names several instances
     */
    @Transactional(readOnly = true)
    public ProcessRecord read(Actor actor, String idOrBusinessKey) {
        ComplianceAccess.require(actor);
        HistoricProcessInstance instance = find(idOrBusinessKey);
        String id = instance.getId();
        Long patientId = patientOf(id);

        Map<String, HistoricTaskInstance> tasks = new HashMap<>();
        history.createHistoricTaskInstanceQuery().processInstanceId(id).listPage(0, MAX_STEPS)
                .forEach(task -> tasks.put(task.getId(), task));
        Map<String, String> completedBy = new HashMap<>();
        history.createUserOperationLogQuery().processInstanceId(id)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).listPage(0, MAX_STEPS)
                .forEach(entry -> {
                    if (entry.getTaskId() != null && entry.getUserId() != null) {
                        completedBy.putIfAbsent(entry.getTaskId(), entry.getUserId());
                    }
                });
        Map<String, List<ProcessRecord.Submission>> submitted = submissionsByTask(actor, id, patientId);

        List<ProcessRecord.Step> steps = new ArrayList<>();
        List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery().processInstanceId(id)
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc()
                .listPage(0, MAX_STEPS);
        for (HistoricActivityInstance activity : activities) {
            String taskId = activity.getTaskId();
            HistoricTaskInstance task = taskId == null ? null : tasks.get(taskId);
            String doneBy = taskId == null ? null : completedBy.get(taskId);
            if ("startEvent".equals(activity.getActivityType()) && id.equals(activity.getParentActivityInstanceId())) {
                doneBy = instance.getStartUserId();
            }
            steps.add(new ProcessRecord.Step(activity.getActivityId(), name(activity), type(activity.getActivityType()),
                    instant(activity.getStartTime()), instant(activity.getEndTime()),
                    task == null ? activity.getAssignee() : task.getAssignee(), doneBy, taskId,
                    taskId == null ? List.of() : submitted.getOrDefault(taskId, List.of())));
            if (taskId != null) {
                submitted.remove(taskId);
            }
        }
        // submissions whose task left no activity instance (history cleaned up partly): still shown
        submitted.forEach((taskId, list) -> steps.add(new ProcessRecord.Step(null, "Form submission", "Submission",
                list.get(0).submittedAt(), list.get(0).submittedAt(), null, list.get(0).submittedBy(), taskId, list)));
        steps.sort(Comparator.comparing(ProcessRecord.Step::startedAt, Comparator.nullsLast(Comparator.naturalOrder())));

        return new ProcessRecord(id, instance.getProcessDefinitionName() == null ? instance.getProcessDefinitionKey()
                : instance.getProcessDefinitionName(), instance.getProcessDefinitionVersion(),
                instance.getBusinessKey(), patientId, mrns.of(patientId), instant(instance.getStartTime()),
                instant(instance.getEndTime()), instance.getStartUserId(), instance.getState(), steps);
    }

    private HistoricProcessInstance find(String idOrBusinessKey) {
        String key = idOrBusinessKey == null ? "" : idOrBusinessKey.strip();
        if (key.isEmpty()) {
            throw new InvalidInputException("id", "Enter a process instance id or business key");
        }
        HistoricProcessInstance byId = history.createHistoricProcessInstanceQuery().processInstanceId(key)
                .singleResult();
        if (byId != null) {
            return byId;
        }
        List<HistoricProcessInstance> byKey = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(key).orderByProcessInstanceStartTime().desc().listPage(0, 2);
        if (byKey.isEmpty()) {
            throw new NotFoundException("No process instance has this id or business key");
        }
        if (byKey.size() > 1) {
            throw new InvalidInputException("id", "Several process instances have this business key: open one by "
                    + "its id (the audit search lists it with the events of its process)");
        }
        return byKey.get(0);
    }

    private Long patientOf(String processInstanceId) {
        List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).variableName(WorkTaskService.PATIENT_ID).listPage(0, 10);
        return variables.stream().map(HistoricVariableInstance::getValue).filter(Number.class::isInstance)
                .map(value -> ((Number) value).longValue()).findFirst().orElse(null);
    }

    private Map<String, List<ProcessRecord.Submission>> submissionsByTask(Actor actor, String processInstanceId,
                                                                          Long patientId) {
        Map<String, List<ProcessRecord.Submission>> byTask = new LinkedHashMap<>();
        for (TaskSubmission s : submissions.findByProcessInstanceIdOrderByIdAsc(processInstanceId)) {
            FormDefinition form = forms.version(s.getFormKey(), s.getFormVersion()).definition();
            Long patient = patientId != null ? patientId : s.getPatientId();
            boolean withheld = form.clinical() && (patient == null || !clinicalAccess.allows(actor, patient));
            List<ProcessRecord.Answer> answers = List.of();
            if (!withheld) {
                answers = SubmittedAnswers.of(form, json(s));
                audit.read("SUBMISSION_READ", patient, "TaskSubmission", Long.toString(s.getId()));
            }
            byTask.computeIfAbsent(s.getTaskId(), t -> new ArrayList<>()).add(new ProcessRecord.Submission(s.getId(),
                    s.getFormKey(), s.getFormVersion(), form.title(), s.getSubmittedBy(), s.getSubmittedAt(),
                    s.getDocumentId(), withheld, answers));
        }
        return byTask;
    }

    private com.fasterxml.jackson.databind.JsonNode json(TaskSubmission s) {
        try {
            return objectMapper.readTree(s.getData());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Submission " + s.getId() + " holds data that is not JSON", e);
        }
    }

    private static String name(HistoricActivityInstance activity) {
        return activity.getActivityName() == null ? activity.getActivityId() : activity.getActivityName();
    }

    private static String type(String activityType) {
        return TYPES.getOrDefault(activityType, activityType);
    }

    private static Instant instant(java.util.Date date) {
        return date == null ? null : date.toInstant();
    }
}
