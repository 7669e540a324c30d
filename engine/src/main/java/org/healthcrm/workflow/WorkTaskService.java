package org.healthcrm.workflow;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.util.ExceptionUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.healthcrm.audit.AuditTrail;
import org.healthcrm.forms.validation.FieldError;
import org.healthcrm.patient.Patient;
import org.healthcrm.patient.PatientRepository;
import org.healthcrm.platform.InvalidInputException;
import org.healthcrm.platform.NotFoundException;
import org.healthcrm.security.Actor;
import org.healthcrm.security.Role;
import org.healthcrm.security.UserAccount;
import org.healthcrm.security.UserAccountRepository;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The work a person does on user tasks: list an inbox page, claim, unclaim, assign, open with its form and data,
 * and submit. Every method checks that the actor may do it: a task is open to its assignee and to the users whose
 * roles are among its candidate groups.
 *
 * <p>Each change runs in its own transaction; a concurrent change by someone else surfaces as
 * {@link TaskConflictException}, never as a half-done submission.
 */
@Service
public class WorkTaskService {

    /** The process variable that links an instance to its patient (internal id). */
    public static final String PATIENT_ID = "patientId";
    static final String FORM_KEY_PREFIX = "formio:";
    /** The largest page the inbox and the API serve. */
    public static final int MAX_PAGE = 200;

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final HistoryService historyService;
    private final PatientRepository patients;
    private final org.healthcrm.patient.PatientRecords patientRecords;
    private final UserAccountRepository users;
    private final TaskForms forms;
    private final TaskDrafts drafts;
    private final SubmissionArchive archive;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;
    private final Map<String, ProcessDefinition> definitions = new ConcurrentHashMap<>();
    private final CommandExecutor commands;
    /** Runs a command in a context and transaction of its own: a read that no command's cache answers. */
    private final CommandExecutor freshCommands;

    private final List<FormPrefill> prefills;

    public WorkTaskService(TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService,
                           HistoryService historyService, PatientRepository patients, org.healthcrm.patient.PatientRecords patientRecords,
                           UserAccountRepository users,
                           TaskForms forms, TaskDrafts drafts, SubmissionArchive archive,
                           List<FormPrefill> prefills, PlatformTransactionManager transactionManager,
                           AuditTrail audit, ProcessEngine processEngine) {
        ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) processEngine
                .getProcessEngineConfiguration();
        this.commands = engine.getCommandExecutorTxRequired();
        this.freshCommands = engine.getCommandExecutorTxRequiresNew();
        this.prefills = List.copyOf(prefills);
        this.audit = audit;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.historyService = historyService;
        this.patients = patients;
        this.patientRecords = patientRecords;
        this.users = users;
        this.forms = forms;
        this.drafts = drafts;
        this.archive = archive;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    public TaskPage list(Actor actor, TaskFilter filter, int first, int size, TaskSort sort) {
        if (first < 0 || size < 1 || size > MAX_PAGE) {
            throw new InvalidInputException("size", "Page size must be between 1 and 200, first row not negative");
        }
        return transaction.execute(status -> {
            Optional<TaskQuery> query = query(actor, filter);
            if (query.isEmpty()) {
                return new TaskPage(List.of(), 0, first, size);
            }
            long total = query.get().count();
            List<Task> tasks = total == 0 ? List.of() : sorted(query.get(), sort).listPage(first, size);
            return new TaskPage(views(tasks), total, first, size);
        });
    }

    /** How many tasks the filter matches, for the inbox's paginator and the home page. */
    public long count(Actor actor, TaskFilter filter) {
        return transaction.execute(status -> query(actor, filter).map(TaskQuery::count).orElse(0L));
    }

    /** The first open task of a process instance that the actor may work on, e.g. right after starting it. */
    public Optional<TaskView> nextTaskIn(Actor actor, String processInstanceId) {
        return transaction.execute(status -> Optional.ofNullable(commands.execute(TaskSnapshot.firstIn(
                        processInstanceId, snapshot -> (snapshot.task().getAssignee() == null
                                || actor.userId().equals(snapshot.task().getAssignee()))
                                && mayWorkOn(actor, snapshot.task(), snapshot.candidates()))))
                .map(this::view));
    }

    /**
     * The patients of a page of tasks, by internal id, in one query. The inbox shows them by name: each patient
     * listed is audited ({@code PATIENT_LIST}).
     */
    public Map<Long, PatientSummary> patientsOf(Collection<TaskView> tasks) {
        Set<Long> ids = tasks.stream().map(TaskView::patientId).filter(Objects::nonNull).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, PatientSummary> found = patients.findByIdIn(ids).stream()
                .collect(Collectors.toMap(Patient::getId, PatientSummary::of));
        audit.readEach("PATIENT_LIST", found.keySet().stream().sorted().toList(), "Patient", "task list");
        return found;
    }

    public TaskView claim(Actor actor, String taskId) {
        return change(taskId, () -> {
            TaskSnapshot task = workableTask(actor, taskId, false);
            if (actor.userId().equals(task.task().getAssignee())) {
                return view(task);
            }
            taskService.claim(taskId, actor.userId());
            return view(snapshot(taskId, false).orElseThrow());
        });
    }

    public TaskView unclaim(Actor actor, String taskId) {
        return change(taskId, () -> {
            Task task = visibleTask(actor, taskId, false).task();
            if (task.getAssignee() != null && !actor.userId().equals(task.getAssignee()) && !actor.has(Role.ADMIN)) {
                throw new TaskConflictException("This task is claimed by someone else");
            }
            taskService.setAssignee(taskId, null);
            return view(snapshot(taskId, false).orElseThrow());
        });
    }

    /** Hands the task to a colleague whose roles are among the task's candidate groups. */
    public TaskView assign(Actor actor, String taskId, String username) {
        return change(taskId, () -> {
            TaskSnapshot snapshot = visibleTask(actor, taskId, false);
            Task task = snapshot.task();
            if (task.getAssignee() != null && !actor.userId().equals(task.getAssignee()) && !actor.has(Role.ADMIN)) {
                throw new TaskConflictException("This task is claimed by someone else");
            }
            UserAccount target = users.findByUsername(username == null ? "" : username)
                    .filter(UserAccount::isActive)
                    .orElseThrow(() -> new InvalidInputException("assignee", "No active user with that user name"));
            Actor colleague = new Actor(target.getUsername(), target.getRoles());
            if (!mayWorkOn(colleague, task, snapshot.candidates())) {
                throw new InvalidInputException("assignee", "That user has none of the roles this task is offered to");
            }
            taskService.setAssignee(taskId, target.getUsername());
            return view(snapshot(taskId, false).orElseThrow());
        });
    }

    /** The task with its form definition and the current data to prefill it with. */
    public TaskDetail open(Actor actor, String taskId) {
        return transaction.execute(status -> {
            TaskSnapshot snapshot = visibleTask(actor, taskId, true);
            Task task = snapshot.task();
            TaskView view = view(snapshot);
            Optional<TaskForms.Form> form = formOf(snapshot);
            Map<String, Object> data = new HashMap<>();
            form.ifPresent(f -> {
                Map<String, Object> variables = snapshot.variables();
                data.putAll(forms.prefill(f, variables));
                prefills.forEach(p -> data.putAll(p.prefill(f.key(), variables)));
            });
            Optional<TaskDrafts.Draft> draft = drafts.find(taskId, actor.userId());
            draft.ifPresent(d -> data.putAll(d.data()));
            Patient patient = view.patientId() == null ? null : patients.findById(view.patientId()).orElse(null);
            boolean workable = task.getAssignee() == null || actor.userId().equals(task.getAssignee());
            // the task shows its patient and the data its form is prefilled with
            audit.read("TASK_READ", view.patientId(), "Task", taskId,
                    view.processKey() + "/" + view.taskDefinitionKey());
            return new TaskDetail(view, form.map(TaskForms.Form::definition).orElse(null),
                    form.map(TaskForms.Form::version).orElse(null), data,
                    draft.map(TaskDrafts.Draft::savedAt).orElse(null),
                    patient == null ? null : PatientSummary.of(patient), workable);
        });
    }

    /**
     * Validates the submission against the task's form and completes the task with the cleaned data as process
     * variables. An unassigned task is claimed by the submitter in the same transaction.
     *
     * <p>All of it is one engine command: the task, its candidates, its execution and variables are read once, and
     * the claim and the completion work on what the checks read (one look-up of each, one flush) where a command to
     * read and another to complete read them twice.
     */
    public CompletedTask submit(Actor actor, String taskId, ObjectNode data) {
        return change(taskId, () -> {
            CompletedTask completed = commands.execute(context -> {
                TaskSnapshot snapshot = workableTask(actor, taskId, TaskSnapshot.of(taskId, true).execute(context));
                Task task = snapshot.task();
                Optional<TaskForms.Form> form = formOf(snapshot);
                ObjectNode cleaned = form.map(f -> forms.check(f, forms.withProcessValues(f, data,
                        snapshot.variables()))).orElse(null);
                Map<String, Object> variables = cleaned != null ? forms.variablesOf(form.get(), cleaned)
                        : forms.withoutForm(data);
                TaskView view = view(snapshot);
                // archived first: the service tasks that completing runs read what was submitted (ProcessSubmissions)
                Long documentId = form.map(f -> archive.record(view, f, cleaned, actor.userId()).getDocumentId())
                        .orElse(null);
                try {
                    claimedAndCompleted(taskId, task.getAssignee() == null ? actor.userId() : null, variables)
                            .execute(context);
                } catch (InvalidInputException e) {
                    // a service task that follows refused what was entered (an unknown MRN, say): show it at the field
                    throw new FormSubmissionException(List.of(new FieldError(
                            e.field() == null ? "" : e.field(), e.getMessage(), "process")));
                }
                return new CompletedTask(taskId, task.getProcessInstanceId(), documentId);
            });
            drafts.discardAll(taskId);
            return completed;
        });
    }

    /** Keeps unvalidated data of a task for the user, to be restored when they open the task again. */
    public Instant saveDraft(Actor actor, String taskId, ObjectNode data) {
        return change(taskId, () -> {
            workableTask(actor, taskId, false);
            return drafts.save(taskId, actor.userId(), data);
        });
    }

    private <T> T change(String taskId, Supplier<T> work) {
        try {
            return attempt(taskId, work);
        } catch (OptimisticLockingFailureException e) {
            // A record that completing the task updates (the patient a registration updates, say) was changed by
            // another transaction after this one read it: the EHR link of the same patient's previous intake, or
            // another clerk's registration. Everything was rolled back, so the work is done once more on what is
            // there now, as if it had come a moment later; a second such change is reported as a conflict.
            try {
                return attempt(taskId, work);
            } catch (OptimisticLockingFailureException again) {
                throw conflict(taskId);
            }
        }
    }

    private <T> T attempt(String taskId, Supplier<T> work) {
        try {
            return transaction.execute(status -> work.get());
        } catch (OptimisticLockingException | TaskAlreadyClaimedException | PessimisticLockingFailureException e) {
            throw conflict(taskId);
        } catch (DataIntegrityViolationException e) {
            // two submissions of one task: the second one's submission record waits for the first one's and is
            // refused by the one-submission-per-task key once the first commits
            if (completed(taskId)) {
                throw conflict(taskId);
            }
            throw e;
        } catch (ProcessEngineException e) {
            // Between our read and the engine's command another user may have completed the task (the engine then
            // reports "cannot find task"), or the database chose this transaction as a deadlock victim.
            if (completed(taskId) || isDeadlock(e)) {
                throw conflict(taskId);
            }
            throw e;
        }
    }

    /**
     * Claims the task for {@code claimant} (unless null) and completes it, within the command it is executed in
     * ({@link #submit}'s): one look-up of the task and its process definition and one flush, where {@code claim} and
     * {@code complete} took two. The engine's own commands run inside it, so the claim is logged (and audited) as if
     * claimed on its own.
     */
    private static Command<Void> claimedAndCompleted(String taskId, String claimant, Map<String, Object> variables) {
        return context -> {
            if (claimant != null) {
                new ClaimTaskCmd(taskId, claimant).execute(context);
            }
            new CompleteTaskCmd(taskId, variables).execute(context);
            return null;
        };
    }

    private TaskConflictException conflict(String taskId) {
        return new TaskConflictException(completed(taskId)
                ? "This task was completed by someone else"
                : "Someone else changed this task at the same time: reload it");
    }

    private static boolean isDeadlock(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLTransactionRollbackException
                    || t instanceof SQLException sql && ExceptionUtil.checkDeadlockException(sql)) {
                return true;
            }
        }
        return false;
    }

    private Optional<TaskQuery> query(Actor actor, TaskFilter filter) {
        TaskQuery query = taskService.createTaskQuery().active().initializeFormKeys();
        List<String> groups = actor.groups();
        if (filter.group() != null && !filter.group().isBlank()) {
            if (!groups.contains(filter.group())) {
                audit.denied("ACCESS_DENIED", actor.userId(), actor.groups(), null, "TaskList", null,
                        "tasks of a group not mine");
                throw new WorkflowAccessDeniedException("You do not belong to group " + filter.group());
            }
            groups = List.of(filter.group());
        }
        if (filter.mine() && !filter.groupTasks()) {
            query.taskAssignee(actor.userId());
            if (filter.group() != null && !filter.group().isBlank()) {
                query.taskCandidateGroup(filter.group()).includeAssignedTasks();
            }
        } else if (filter.groupTasks() && !filter.mine()) {
            if (groups.isEmpty()) {
                return Optional.empty();
            }
            query.taskCandidateGroupIn(groups).taskUnassigned();
        } else if (filter.group() != null && !filter.group().isBlank()) {
            query.taskCandidateGroup(filter.group()).includeAssignedTasks()
                    .or().taskAssignee(actor.userId()).taskUnassigned().endOr();
        } else if (groups.isEmpty()) {
            query.taskAssignee(actor.userId());
        } else {
            query.or().taskAssignee(actor.userId()).taskCandidateGroupIn(groups).endOr();
        }
        if (filter.processKey() != null && !filter.processKey().isBlank()) {
            query.processDefinitionKey(filter.processKey());
        }
        if (filter.taskName() != null && !filter.taskName().isBlank()) {
            query.taskNameLike("%" + escapeLike(filter.taskName().trim()) + "%");
        }
        if (filter.dueAfter() != null) {
            query.dueAfter(Date.from(filter.dueAfter()));
        }
        if (filter.dueBefore() != null) {
            query.dueBefore(Date.from(filter.dueBefore()));
        }
        if (filter.patientText() != null && !filter.patientText().isBlank()) {
            List<Long> ids = patientRecords.idsByMrnOrFamilyName(filter.patientText());
            if (ids.isEmpty()) {
                return Optional.empty();
            }
            if (ids.size() == 1) {
                query.processVariableValueEquals(PATIENT_ID, ids.get(0));
            } else {
                TaskQuery either = query.or();
                ids.stream().limit(50).forEach(id -> either.processVariableValueEquals(PATIENT_ID, id));
                either.endOr();
            }
        }
        return Optional.of(query);
    }

    private static TaskQuery sorted(TaskQuery query, TaskSort sort) {
        TaskSort order = sort == null ? TaskSort.newestFirst() : sort;
        switch (order.field()) {
            case DUE -> query.orderByDueDate();
            case NAME -> query.orderByTaskName();
            case PRIORITY -> query.orderByTaskPriority();
            case ASSIGNEE -> query.orderByTaskAssignee();
            default -> query.orderByTaskCreateTime();
        }
        if (order.ascending()) {
            query.asc();
        } else {
            query.desc();
        }
        // a stable tie-breaker keeps paging from repeating or skipping rows
        query.orderByTaskId().asc();
        return query;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private List<TaskView> views(List<Task> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        List<String> instanceIds = tasks.stream().map(Task::getProcessInstanceId)
                .filter(Objects::nonNull).distinct().toList();
        Map<String, Long> patientIds = patientIds(instanceIds);
        Map<String, String> businessKeys = instanceIds.isEmpty() ? Map.of()
                : runtimeService.createProcessInstanceQuery().processInstanceIds(Set.copyOf(instanceIds))
                        .listPage(0, instanceIds.size()).stream()
                        .filter(pi -> pi.getBusinessKey() != null)
                        .collect(Collectors.toMap(pi -> pi.getId(), pi -> pi.getBusinessKey()));
        return tasks.stream().map(task -> view(task, patientIds.get(task.getProcessInstanceId()),
                businessKeys.get(task.getProcessInstanceId()))).toList();
    }

    private TaskView view(TaskSnapshot snapshot) {
        return view(snapshot.task(), snapshot.patientId(), snapshot.businessKey());
    }

    private Optional<TaskSnapshot> snapshot(String taskId, boolean withForm) {
        return Optional.ofNullable(commands.execute(TaskSnapshot.of(taskId, withForm)));
    }

    private Map<String, Long> patientIds(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Map.of();
        }
        return runtimeService.createVariableInstanceQuery()
                .processInstanceIdIn(processInstanceIds.toArray(String[]::new))
                .variableName(PATIENT_ID)
                .listPage(0, MAX_PAGE * 4).stream()
                .filter(v -> v.getValue() instanceof Number && Objects.equals(v.getExecutionId(), v.getProcessInstanceId()))
                .collect(Collectors.toMap(VariableInstance::getProcessInstanceId,
                        v -> ((Number) v.getValue()).longValue(), (a, b) -> a));
    }

    private TaskView view(Task task, Long patientId, String businessKey) {
        ProcessDefinition definition = task.getProcessDefinitionId() == null ? null : definition(task.getProcessDefinitionId());
        return new TaskView(task.getId(), task.getName(), task.getTaskDefinitionKey(),
                definition == null ? null : definition.getKey(),
                definition == null ? null : Optional.ofNullable(definition.getName()).orElse(definition.getKey()),
                task.getProcessInstanceId(), businessKey, patientId,
                task.getCreateTime() == null ? null : task.getCreateTime().toInstant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                task.getAssignee(), task.getPriority(), task.getFormKey());
    }

    private ProcessDefinition definition(String id) {
        return definitions.computeIfAbsent(id, key -> repositoryService.getProcessDefinition(key));
    }

    /**
     * A task the actor may look at: assigned to them, or offered to one of their groups; with the variables its form
     * is filled from when {@code withForm}.
     */
    private TaskSnapshot visibleTask(Actor actor, String taskId, boolean withForm) {
        return visibleTask(actor, taskId, snapshot(taskId, withForm).orElse(null));
    }

    /** The task as read ({@code snapshot}, null when there is none), if the actor may see it. */
    private TaskSnapshot visibleTask(Actor actor, String taskId, TaskSnapshot snapshot) {
        if (snapshot == null) {
            throw completed(taskId)
                    ? new TaskConflictException("This task has already been completed")
                    : new NotFoundException("No task with id " + taskId);
        }
        if (!mayWorkOn(actor, snapshot.task(), snapshot.candidates())) {
            // Read committed: a colleague's completion that commits between our read of the task and of its
            // candidates leaves us the task without candidates. That is their win, not our lack of a role. (Read
            // again in a command of its own: inside submit's command the engine would answer from its cache.)
            if (freshCommands.execute(TaskSnapshot.of(taskId, false)) == null) {
                throw conflict(taskId);
            }
            audit.denied("ACCESS_DENIED", actor.userId(), actor.groups(), snapshot.patientId(), "Task", taskId,
                    "task not offered to my roles");
            throw new WorkflowAccessDeniedException("This task is not offered to you or your roles");
        }
        return snapshot;
    }

    /** A task the actor may change: visible, and not claimed by someone else. */
    private TaskSnapshot workableTask(Actor actor, String taskId, boolean withForm) {
        return workableTask(actor, taskId, snapshot(taskId, withForm).orElse(null));
    }

    /** The task as read ({@code read}, null when there is none), if the actor may change it. */
    private TaskSnapshot workableTask(Actor actor, String taskId, TaskSnapshot read) {
        TaskSnapshot snapshot = visibleTask(actor, taskId, read);
        String assignee = snapshot.task().getAssignee();
        if (assignee != null && !actor.userId().equals(assignee)) {
            throw new TaskConflictException("This task is claimed by someone else");
        }
        return snapshot;
    }

    private static boolean mayWorkOn(Actor actor, Task task, Set<String> candidates) {
        if (actor.userId().equals(task.getAssignee()) || candidates.contains("user:" + actor.userId())) {
            return true;
        }
        return actor.groups().stream().anyMatch(group -> candidates.contains("group:" + group));
    }

    private boolean completed(String taskId) {
        HistoricTaskInstance historic = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        return historic != null && historic.getEndTime() != null;
    }

    private Optional<TaskForms.Form> formOf(TaskSnapshot snapshot) {
        String formKey = snapshot.task().getFormKey();
        if (formKey == null || !formKey.startsWith(FORM_KEY_PREFIX)) {
            return Optional.empty();
        }
        if (snapshot.variables() == null) {
            // read without its form: the pinned version is unknown, and the latest one is not necessarily the task's
            throw new IllegalStateException("Task " + snapshot.task().getId() + " was read without its form");
        }
        String key = formKey.substring(FORM_KEY_PREFIX.length());
        Object pinned = snapshot.pinnedFormVersion();
        return Optional.of(pinned instanceof Number version ? forms.form(key, version.intValue()) : forms.form(key));
    }

    /** Who completed what, for the caller to show or return. */
    public record CompletedTask(String taskId, String processInstanceId, Long documentId) {
    }

    /** The task, its Form.io definition (raw JSON) and current data, and the patient it is about. */
    public record TaskDetail(TaskView task, Object form, Integer formVersion, Map<String, Object> data,
                             Instant draftSavedAt, PatientSummary patient, boolean workable) {
    }

    /** What a task screen shows of the patient in its header. */
    public record PatientSummary(Long id, String mrn, String name, String birthDate) {
        static PatientSummary of(Patient patient) {
            return new PatientSummary(patient.getId(), patient.getMrn(), patient.getDisplayName(),
                    patient.getBirthDate().toString());
        }
    }
}
