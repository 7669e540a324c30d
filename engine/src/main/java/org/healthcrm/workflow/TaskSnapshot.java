package org.healthcrm.workflow;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * A task with everything the access checks, the task view and the form need, read in one engine command (one
 * command context, one look-up of the process definition) where separate service calls took six.
 *
 * @param task       the task, its form key initialised
 * @param candidates the candidate groups and users, as {@code group:NAME} and {@code user:NAME}
 * @param patientId  the process instance's patient, once registered
 * @param pinnedFormVersion the form version pinned when the task was created, when asked for; else null
 * @param variables  the variables visible from the task, when asked for and the task has a form; else null
 */
record TaskSnapshot(Task task, Set<String> candidates, Long patientId, String businessKey, Object pinnedFormVersion,
                    Map<String, Object> variables) {

    /**
     * The command that reads it; null when no such task exists. {@code withForm}: also the pinned form version and
     * the variables the form is filled from (the task's own variables are read only then).
     */
    static Command<TaskSnapshot> of(String taskId, boolean withForm) {
        return context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            return task == null ? null : of(task, withForm);
        };
    }

    /**
     * The command that reads the first active task of a process instance (the oldest) that {@code accepts}; null when
     * there is none.
     */
    static Command<TaskSnapshot> firstIn(String processInstanceId, Predicate<TaskSnapshot> accepts) {
        return context -> context.getTaskManager().findTasksByProcessInstanceId(processInstanceId).stream()
                .filter(task -> task.getSuspensionState() == SuspensionState.ACTIVE.getStateCode())
                .sorted(Comparator.comparing(TaskEntity::getCreateTime, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(task -> of(task, false))
                .filter(accepts)
                .findFirst()
                .orElse(null);
    }

    private static TaskSnapshot of(TaskEntity task, boolean withForm) {
        task.initializeFormKey();
        Set<String> candidates = task.getIdentityLinks().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(link -> link.getGroupId() != null ? "group:" + link.getGroupId() : "user:" + link.getUserId())
                .collect(Collectors.toUnmodifiableSet());
        ExecutionEntity instance = task.getProcessInstance();
        Object patient = instance == null ? null : patientOf(instance, withForm);
        boolean hasForm = task.getFormKey() != null && task.getFormKey().startsWith(WorkTaskService.FORM_KEY_PREFIX);
        return new TaskSnapshot(task, candidates, patient instanceof Number number ? number.longValue() : null,
                instance == null ? null : instance.getBusinessKey(),
                withForm ? task.getVariableLocal(FormVersionPinning.VARIABLE) : null,
                withForm && hasForm ? new HashMap<>(task.getVariables()) : null);
    }

    /**
     * The instance's patient variable. Reading one variable the usual way reads all of the instance's variables (the
     * engine fills its variable store at once); without the form, nothing else is needed, so only this one is read.
     */
    private static Object patientOf(ExecutionEntity instance, boolean withForm) {
        if (withForm) {
            return instance.getVariableLocal(WorkTaskService.PATIENT_ID);
        }
        return instance.getVariableInstancesLocal(List.of(WorkTaskService.PATIENT_ID)).stream()
                .findFirst().map(variable -> variable.getTypedValue(false).getValue()).orElse(null);
    }
}
