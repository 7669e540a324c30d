package org.healthcrm.workflow.ui;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.healthcrm.platform.ui.Dates;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import org.healthcrm.platform.InvalidInputException;
import org.healthcrm.platform.NotFoundException;
import org.healthcrm.platform.ui.ScreenSupport;
import org.healthcrm.security.Actor;
import org.healthcrm.security.Role;
import org.healthcrm.security.web.CurrentActor;
import org.healthcrm.workflow.ProcessLauncher;
import org.healthcrm.workflow.ProcessLauncher.StartableProcess;
import org.healthcrm.workflow.TaskConflictException;
import org.healthcrm.workflow.TaskFilter;
import org.healthcrm.workflow.TaskPage;
import org.healthcrm.workflow.TaskSort;
import org.healthcrm.workflow.TaskView;
import org.healthcrm.workflow.WorkTaskService;
import org.healthcrm.workflow.WorkTaskService.PatientSummary;
import org.healthcrm.workflow.WorkflowAccessDeniedException;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.springframework.stereotype.Component;

/**
 * The task inbox: a lazy table paged, sorted and filtered on the server (by the engine's task query), with the
 * "my tasks" / "group tasks" / "all" views and claim, unclaim and assign.
 */
@Component("inbox")
@ViewScoped
public class InboxView implements Serializable {

    private static final ZoneId ZONE = ZoneId.systemDefault();

    private final transient WorkTaskService tasks;
    private final transient ProcessLauncher processes;

    private String view = "all";
    private String processKey;
    private String taskName;
    private String patient;
    private String group;
    private LocalDate dueFrom;
    private LocalDate dueTo;
    private String assignTaskId;
    private String assignee;
    private List<StartableProcess> processOptions;
    private final TaskModel model = new TaskModel();

    public InboxView(WorkTaskService tasks, ProcessLauncher processes) {
        this.tasks = tasks;
        this.processes = processes;
    }

    @PostConstruct
    void init() {
        processOptions = processes.deployed();
    }

    public void claim(String taskId) {
        act(() -> tasks.claim(actor(), taskId), "Task claimed", "It is now in your tasks.");
    }

    public void unclaim(String taskId) {
        act(() -> tasks.unclaim(actor(), taskId), "Task released", "It is back in the group's tasks.");
    }

    public void prepareAssign(String taskId) {
        this.assignTaskId = taskId;
        this.assignee = null;
    }

    public void assign() {
        act(() -> tasks.assign(actor(), assignTaskId, assignee), "Task assigned", "Assigned to " + assignee + ".");
    }

    private void act(Runnable action, String summary, String detail) {
        try {
            action.run();
            ScreenSupport.info(summary, detail);
        } catch (TaskConflictException | WorkflowAccessDeniedException | NotFoundException e) {
            ScreenSupport.error("Not possible", e.getMessage());
        } catch (InvalidInputException e) {
            ScreenSupport.error("Check the input", e.getMessage());
        } catch (RuntimeException e) {
            ScreenSupport.unexpected(e);
        }
    }

    public void applyFilters() {
        // the table reloads through the lazy model with the new filter values
    }

    public void clearFilters() {
        processKey = null;
        taskName = null;
        patient = null;
        group = null;
        dueFrom = null;
        dueTo = null;
    }

    TaskFilter filter() {
        return new TaskFilter("mine".equals(view), "group".equals(view), blankToNull(group), blankToNull(processKey),
                blankToNull(taskName), blankToNull(patient),
                dueFrom == null ? null : dueFrom.atStartOfDay(ZONE).toInstant(),
                dueTo == null ? null : dueTo.plusDays(1).atStartOfDay(ZONE).toInstant());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Actor actor() {
        return CurrentActor.get();
    }

    public boolean isMine(TaskView task) {
        return actor().userId().equals(task.assignee());
    }

    public String when(java.time.Instant instant) {
        return instant == null ? "" : Dates.format(instant);
    }

    public boolean overdue(TaskView task) {
        return task.due() != null && task.due().isBefore(java.time.Instant.now());
    }

    public List<Role> getGroupOptions() {
        return actor().roles().stream().toList();
    }

    public LazyDataModel<TaskView> getModel() {
        return model;
    }

    public List<StartableProcess> getProcessOptions() {
        return processOptions;
    }

    public String getView() {
        return view;
    }

    public void setView(String view) {
        this.view = "mine".equals(view) || "group".equals(view) ? view : "all";
    }

    public String getProcessKey() {
        return processKey;
    }

    public void setProcessKey(String processKey) {
        this.processKey = processKey;
    }

    public String getTaskName() {
        return taskName;
    }

    public void setTaskName(String taskName) {
        this.taskName = taskName;
    }

    public String getPatient() {
        return patient;
    }

    public void setPatient(String patient) {
        this.patient = patient;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public LocalDate getDueFrom() {
        return dueFrom;
    }

    public void setDueFrom(LocalDate dueFrom) {
        this.dueFrom = dueFrom;
    }

    public LocalDate getDueTo() {
        return dueTo;
    }

    public void setDueTo(LocalDate dueTo) {
        this.dueTo = dueTo;
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }

    public String patientLabel(TaskView task) {
        PatientSummary summary = task.patientId() == null ? null : model.patients.get(task.patientId());
        return summary == null ? "" : summary.name() + " (" + summary.mrn() + ")";
    }

    /** Loads one page at a time through the engine's task query; counts with the same filter. */
    private final class TaskModel extends LazyDataModel<TaskView> {

        private transient Map<Long, PatientSummary> patients = Map.of();

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            try {
                return (int) Math.min(Integer.MAX_VALUE, tasks.count(actor(), filter()));
            } catch (WorkflowAccessDeniedException e) {
                ScreenSupport.error("Not possible", e.getMessage());
                return 0;
            }
        }

        @Override
        public List<TaskView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            TaskSort sort = sortBy.values().stream().findFirst()
                    .map(meta -> new TaskSort(field(meta.getField()), meta.getOrder() == SortOrder.ASCENDING))
                    .orElse(TaskSort.newestFirst());
            try {
                TaskPage page = tasks.list(actor(), filter(), first, pageSize, sort);
                patients = tasks.patientsOf(page.items());
                setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
                return page.items();
            } catch (WorkflowAccessDeniedException e) {
                ScreenSupport.error("Not possible", e.getMessage());
                return List.of();
            }
        }

        private static TaskSort.Field field(String field) {
            return switch (field == null ? "" : field) {
                case "due" -> TaskSort.Field.DUE;
                case "name" -> TaskSort.Field.NAME;
                case "priority" -> TaskSort.Field.PRIORITY;
                case "assignee" -> TaskSort.Field.ASSIGNEE;
                default -> TaskSort.Field.CREATED;
            };
        }

        @Override
        public String getRowKey(TaskView task) {
            return task.id();
        }
    }
}
