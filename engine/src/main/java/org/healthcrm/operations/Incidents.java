package org.healthcrm.operations;

import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.healthcrm.audit.AuditTrail;
import org.healthcrm.platform.InvalidInputException;
import org.healthcrm.platform.NotFoundException;
import org.healthcrm.security.Actor;
import org.healthcrm.security.Role;
import org.healthcrm.workflow.WorkTaskService;
import org.healthcrm.workflow.WorkflowAccessDeniedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Open incidents for administrators, and their retry. An incident is what the engine leaves when a job has failed
 * on its last try (the EHR push after its back-off, for example): the process waits at that step until someone gives
 * the job new retries.
 *
 * <p>A retry gives the failed job one more try, due now, and wakes the job executor: the job runs again within
 * seconds, on the job executor as usual. If it fails again, the engine raises a new incident with the new failure.
 * Every retry is audited ({@value #RETRY_ACTION}) in the transaction that sets the retries.
 */
@Service
public class Incidents {

    public static final String RETRY_ACTION = "INCIDENT_RETRY";
    /** The largest page the API and the screen may ask for. */
    public static final int MAX_PAGE_SIZE = 200;
    /** Tries a retry gives: one, so that an operator sees the outcome of their retry at once. */
    static final int RETRIES = 1;

    private static final Logger log = LoggerFactory.getLogger(Incidents.class);

    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final RepositoryService repositoryService;
    private final ProcessEngine processEngine;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public Incidents(RuntimeService runtimeService, ManagementService managementService,
                     RepositoryService repositoryService, ProcessEngine processEngine, AuditTrail audit, Clock clock,
                     PlatformTransactionManager transactionManager) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.repositoryService = repositoryService;
        this.processEngine = processEngine;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** How many incidents are open. */
    public long count(Actor actor) {
        requireAdmin(actor);
        return runtimeService.createIncidentQuery().count();
    }

    /** Open incidents, newest first, from {@code first} on, at most {@code max} of them. */
    public IncidentPage list(Actor actor, int first, int max) {
        requireAdmin(actor);
        if (first < 0) {
            throw new InvalidInputException("page", "Page must not be negative");
        }
        if (max < 1 || max > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "Size must be between 1 and " + MAX_PAGE_SIZE);
        }
        List<Incident> incidents = runtimeService.createIncidentQuery()
                .orderByIncidentTimestamp().desc().orderByIncidentId().asc()
                .listPage(first, max);
        long total = runtimeService.createIncidentQuery().count();
        if (incidents.isEmpty()) {
            return new IncidentPage(List.of(), total);
        }

        Set<String> instanceIds = incidents.stream().map(Incident::getProcessInstanceId)
                .filter(id -> id != null).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, String> businessKeys = new HashMap<>();
        Map<String, Long> patients = new HashMap<>();
        if (!instanceIds.isEmpty()) {
            runtimeService.createProcessInstanceQuery().processInstanceIds(instanceIds)
                    .listPage(0, instanceIds.size())
                    .forEach(instance -> businessKeys.put(instance.getId(), instance.getBusinessKey()));
            // a variable of that name may exist in more than one scope of an instance: the process scope wins
            runtimeService.createVariableInstanceQuery().variableName(WorkTaskService.PATIENT_ID)
                    .processInstanceIdIn(instanceIds.toArray(String[]::new))
                    .listPage(0, 4 * instanceIds.size())
                    .forEach(variable -> patientId(variable).ifPresent(id -> {
                        if (variable.getExecutionId().equals(variable.getProcessInstanceId())
                                || !patients.containsKey(variable.getProcessInstanceId())) {
                            patients.put(variable.getProcessInstanceId(), id);
                        }
                    }));
        }
        Set<String> jobIds = incidents.stream().filter(Incidents::isFailedJob).map(Incident::getConfiguration)
                .filter(id -> id != null).collect(Collectors.toSet());
        Map<String, Job> jobs = jobIds.isEmpty() ? Map.of()
                : managementService.createJobQuery().jobIds(jobIds).listPage(0, jobIds.size()).stream()
                        .collect(Collectors.toMap(Job::getId, Function.identity()));
        Map<String, ProcessDefinition> definitions = new HashMap<>();
        Map<String, BpmnModelInstance> models = new HashMap<>();

        List<OpenIncident> items = incidents.stream().map(incident -> {
            ProcessDefinition definition = incident.getProcessDefinitionId() == null ? null
                    : definitions.computeIfAbsent(incident.getProcessDefinitionId(),
                            repositoryService::getProcessDefinition);
            Job job = isFailedJob(incident) ? jobs.get(incident.getConfiguration()) : null;
            String failure = isFailedJob(incident)
                    ? FailureSummary.ofStacktrace(job == null ? null
                            : managementService.getJobExceptionStacktrace(job.getId()))
                    : FailureSummary.ofIncidentType(incident.getIncidentType());
            return new OpenIncident(incident.getId(), incident.getIncidentType(),
                    incident.getIncidentTimestamp().toInstant(), incident.getProcessInstanceId(),
                    definition == null ? null : definition.getKey(),
                    definition == null ? null : Optional.ofNullable(definition.getName()).orElse(definition.getKey()),
                    definition == null ? 0 : definition.getVersion(),
                    businessKeys.get(incident.getProcessInstanceId()), incident.getActivityId(),
                    activityName(definition, incident.getActivityId(), models), failure,
                    job == null ? null : job.getId(), job == null ? null : job.getRetries(),
                    patients.get(incident.getProcessInstanceId()), job != null);
        }).toList();
        return new IncidentPage(items, total);
    }

    /**
     * Gives the incident's failed job {@value #RETRIES} more try, due now, and audits it. The incident is resolved
     * at once; the job executor runs the job again within seconds.
     *
     * @throws NotFoundException when the incident is not open (never was, resolved, or retried by someone else)
     * @throws InvalidInputException when the incident is not a failed job (nothing here can retry it)
     */
    public IncidentRetry retry(Actor actor, String incidentId) {
        requireAdmin(actor);
        String notOpen = "No open incident with id " + incidentId + ": it was resolved or retried already";
        if (incidentId == null || incidentId.isBlank()) {
            throw new NotFoundException(notOpen);
        }
        IncidentRetry retry;
        try {
            retry = transaction.execute(status -> {
                Incident incident = runtimeService.createIncidentQuery().incidentId(incidentId).singleResult();
                if (incident == null) {
                    throw new NotFoundException(notOpen);
                }
                if (!isFailedJob(incident) || incident.getConfiguration() == null) {
                    throw new InvalidInputException("id", "Only failed jobs can be retried here; this incident is of "
                            + "type " + incident.getIncidentType());
                }
                String jobId = incident.getConfiguration();
                managementService.setJobRetries(RETRIES).jobId(jobId).dueDate(Date.from(clock.instant())).execute();
                audit.change(RETRY_ACTION, patientOf(incident.getProcessInstanceId()), "ProcessInstance",
                        incident.getProcessInstanceId(), "incident " + incident.getId() + ", job " + jobId
                                + ", activity " + incident.getActivityId());
                return new IncidentRetry(incident.getId(), jobId, incident.getProcessInstanceId(), RETRIES);
            });
        } catch (OptimisticLockingException e) {
            // someone retried it at the same moment (or the job changed under us): theirs counts
            throw new NotFoundException(notOpen);
        }
        log.info("Incident {} retried by {}: job {} of process instance {} runs again", retry.incidentId(),
                actor.userId(), retry.jobId(), retry.processInstanceId());
        wakeJobExecutor();
        return retry;
    }

    /** What became of a retried job (the {@link IncidentRetry#jobId()} of a retry) since the retry. */
    public RetryProgress progress(Actor actor, String jobId) {
        requireAdmin(actor);
        Job job = managementService.createJobQuery().jobId(jobId).singleResult();
        if (job == null) {
            // a job is deleted when it succeeds: the process went on past that step
            return new RetryProgress(RetryProgress.State.DONE, null);
        }
        if (job.getRetries() > 0) {
            return new RetryProgress(RetryProgress.State.WAITING, null);
        }
        return new RetryProgress(RetryProgress.State.FAILED_AGAIN,
                FailureSummary.ofStacktrace(managementService.getJobExceptionStacktrace(job.getId())));
    }

    private Long patientOf(String processInstanceId) {
        if (processInstanceId == null) {
            return null;
        }
        Object value = runtimeService.getVariable(processInstanceId, WorkTaskService.PATIENT_ID);
        return value instanceof Number number ? number.longValue() : null;
    }

    private static Optional<Long> patientId(VariableInstance variable) {
        return variable.getValue() instanceof Number number ? Optional.of(number.longValue()) : Optional.empty();
    }

    private String activityName(ProcessDefinition definition, String activityId,
                                Map<String, BpmnModelInstance> models) {
        if (definition == null || activityId == null) {
            return activityId;
        }
        BpmnModelInstance model = models.computeIfAbsent(definition.getId(), repositoryService::getBpmnModelInstance);
        FlowElement element = model == null ? null : model.getModelElementById(activityId);
        return element == null || element.getName() == null ? activityId : element.getName();
    }

    /**
     * The job executor looks for due jobs at intervals that grow while it finds none (up to a minute); a retried job
     * is not a new job, so nothing would tell it. Waking it makes the retry run now.
     */
    private void wakeJobExecutor() {
        if (processEngine.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl configuration) {
            JobExecutor jobExecutor = configuration.getJobExecutor();
            if (jobExecutor != null && jobExecutor.isActive()) {
                jobExecutor.jobWasAdded();
            }
        }
    }

    private static boolean isFailedJob(Incident incident) {
        return Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType());
    }

    private void requireAdmin(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            audit.denied("ACCESS_DENIED", actor.userId(), actor.groups(), null, "Incident", null, "incidents");
            throw new WorkflowAccessDeniedException("Only administrators may see and retry incidents");
        }
    }
}
