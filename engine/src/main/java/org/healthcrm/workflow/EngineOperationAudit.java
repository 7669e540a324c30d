package org.healthcrm.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.healthcrm.audit.AuditTrail;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Audits what people do through the engine, once for the whole engine so that no process, screen or API can
 * forget it:
 *
 * <ul>
 *   <li>Task claim, unclaim, assignment and completion, and process start and cancellation, from the engine's user
 *       operation log. The engine writes that log for every operation made through any of its services while a
 *       user is authenticated (the web layer authenticates every request), in the transaction of the operation;
 *       its entries reach this handler as history events. What the engine does on its own (a timer, an
 *       asynchronous step on the job executor) is part of a process already audited, not a person's action.</li>
 *   <li>Every new deployment of process or decision models (by a person or at start-up), from a deployer that
 *       the engine calls for each deployment it stores.</li>
 * </ul>
 *
 * <p>Each event is written by {@link AuditTrail#change} in the engine command's transaction, with the patient of the
 * process instance (its {@value WorkTaskService#PATIENT_ID} variable) where there is one. Job retries are audited by
 * the incident retry that makes them, other entries of the operation log stay in the engine's history.
 */
@Component
public class EngineOperationAudit extends AbstractProcessEnginePlugin {

    private final SingletonSupplier<AuditTrail> audit;

    /**
     * The audit trail is looked up when first needed (it depends on the engine this plugin configures), then kept:
     * looking it up for every event cost more than writing the event's parameters.
     */
    public EngineOperationAudit(ObjectProvider<AuditTrail> audit) {
        this.audit = SingletonSupplier.of(audit::getObject);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(new UserOperations());
        configuration.setCustomHistoryEventHandlers(handlers);
        // the engine's own database history stays on next to ours
        configuration.setEnableDefaultDbHistoryEventHandler(true);
        List<Deployer> deployers = configuration.getCustomPostDeployers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostDeployers());
        deployers.add(new Deployments());
        configuration.setCustomPostDeployers(deployers);
    }

    /** The audit action for an operation of the engine's user operation log, or null when it is not audited here. */
    static String action(String entityType, String operationType, String userId, String newAssignee) {
        if (EntityTypes.TASK.equals(entityType)) {
            if (UserOperationLogEntry.OPERATION_TYPE_CLAIM.equals(operationType)
                    || UserOperationLogEntry.OPERATION_TYPE_ASSIGN.equals(operationType)) {
                if (newAssignee == null) {
                    return "TASK_UNCLAIM";
                }
                return newAssignee.equals(userId) ? "TASK_CLAIM" : "TASK_ASSIGN";
            }
            return "TASK_" + constantCase(operationType);
        }
        if (EntityTypes.PROCESS_INSTANCE.equals(entityType)) {
            if (UserOperationLogEntry.OPERATION_TYPE_CREATE.equals(operationType)) {
                return "PROCESS_START";
            }
            if (UserOperationLogEntry.OPERATION_TYPE_DELETE.equals(operationType)) {
                return "PROCESS_CANCEL";
            }
            return "PROCESS_" + constantCase(operationType);
        }
        return null;
    }

    /** "SetPriority" → "SET_PRIORITY". */
    static String constantCase(String operationType) {
        return operationType == null ? "UNKNOWN"
                : operationType.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private final class UserOperations implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            handleEvents(List.of(event));
        }

        /** The entries of one operation come together, one per property changed: one audit event per operation. */
        @Override
        public void handleEvents(List<HistoryEvent> events) {
            Map<String, List<UserOperationLogEntryEventEntity>> operations = new LinkedHashMap<>();
            for (HistoryEvent event : events) {
                if (event instanceof UserOperationLogEntryEventEntity entry) {
                    operations.computeIfAbsent(entry.getOperationId() == null ? entry.getId() : entry.getOperationId(),
                            id -> new ArrayList<>()).add(entry);
                }
            }
            operations.values().forEach(this::audit);
        }

        private void audit(List<UserOperationLogEntryEventEntity> entries) {
            UserOperationLogEntryEventEntity first = entries.get(0);
            String newAssignee = null;
            for (UserOperationLogEntryEventEntity entry : entries) {
                if (TaskEntity.ASSIGNEE.equals(entry.getProperty())) {
                    newAssignee = entry.getNewValue();
                }
            }
            String action = action(first.getEntityType(), first.getOperationType(), first.getUserId(), newAssignee);
            if (action == null) {
                return;
            }
            boolean task = EntityTypes.TASK.equals(first.getEntityType());
            String detail = task ? taskDetail(first)
                    : first.getProcessDefinitionKey() == null ? "" : first.getProcessDefinitionKey();
            String changed = entries.stream().map(UserOperationLogEntryEventEntity::getProperty)
                    .filter(p -> p != null && !TaskEntity.DELETE.equals(p)).distinct().collect(Collectors.joining(","));
            if (!changed.isEmpty() && !action.equals("TASK_CLAIM") && !action.equals("TASK_UNCLAIM")
                    && !action.equals("TASK_ASSIGN")) {
                detail = detail.isEmpty() ? changed : detail + "; " + changed;
            }
            audit.obtain().change(action, patientOf(first.getProcessInstanceId()), task ? "Task" : "ProcessInstance",
                    task ? first.getTaskId() : first.getProcessInstanceId(), detail.isEmpty() ? null : detail);
        }

        /** "patient-intake/Task_CollectDemographics": which step of which process, never what it holds. */
        private String taskDetail(UserOperationLogEntryEventEntity entry) {
            CommandContext context = Context.getCommandContext();
            TaskEntity task = context == null || entry.getTaskId() == null ? null
                    : context.getTaskManager().findTaskById(entry.getTaskId());
            String step = task == null ? null : task.getTaskDefinitionKey();
            return (entry.getProcessDefinitionKey() == null ? "" : entry.getProcessDefinitionKey())
                    + (step == null ? "" : "/" + step);
        }

        /**
         * The patient of the process instance: its variable while it runs (none before registration), else the
         * variable's history.
         */
        private Long patientOf(String processInstanceId) {
            CommandContext context = Context.getCommandContext();
            if (context == null || processInstanceId == null) {
                return null;
            }
            ExecutionEntity instance = context.getExecutionManager().findExecutionById(processInstanceId);
            Object value = instance == null ? null : instance.getVariableLocal(WorkTaskService.PATIENT_ID);
            if (value == null && (instance == null || instance.isEnded())) {
                HistoricVariableInstance historic = context.getProcessEngineConfiguration().getHistoryService()
                        .createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                        .variableName(WorkTaskService.PATIENT_ID).disableCustomObjectDeserialization()
                        .listPage(0, 1).stream().findFirst().orElse(null);
                value = historic == null ? null : historic.getValue();
            }
            return value instanceof Number number ? number.longValue() : null;
        }
    }

    private final class Deployments implements Deployer {

        /** Called for every deployment the engine handles, also when it reloads one into its cache: new ones only. */
        @Override
        public void deploy(DeploymentEntity deployment) {
            if (!deployment.isNew()) {
                return;
            }
            List<String> definitions = new ArrayList<>();
            List<ProcessDefinition> processes = deployment.getDeployedProcessDefinitions();
            if (processes != null) {
                processes.forEach(p -> definitions.add(p.getKey() + " v" + p.getVersion()));
            }
            if (deployment.getDeployedDecisionDefinitions() != null) {
                deployment.getDeployedDecisionDefinitions().forEach(d -> definitions.add(d.getKey() + " v" + d.getVersion()));
            }
            String detail = (deployment.getName() == null ? "" : deployment.getName() + ": ")
                    + (definitions.isEmpty() ? String.join(",", deployment.getResources().keySet())
                    : String.join(",", definitions));
            audit.obtain().change("DEPLOYMENT", null, "Deployment", deployment.getId(), detail);
        }
    }
}
