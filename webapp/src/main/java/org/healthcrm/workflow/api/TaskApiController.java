package org.healthcrm.workflow.api;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.healthcrm.platform.InvalidInputException;
import org.healthcrm.security.web.CurrentActor;
import org.healthcrm.workflow.TaskFilter;
import org.healthcrm.workflow.TaskPage;
import org.healthcrm.workflow.TaskSort;
import org.healthcrm.workflow.TaskView;
import org.healthcrm.workflow.WorkTaskService;
import org.healthcrm.workflow.WorkTaskService.CompletedTask;
import org.healthcrm.workflow.WorkTaskService.TaskDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/tasks", produces = "application/json")
@Tag(name = "Tasks", description = "User tasks: the inbox, claiming, and completing a task with its form data")
public class TaskApiController {

    private final WorkTaskService tasks;

    public TaskApiController(WorkTaskService tasks) {
        this.tasks = tasks;
    }

    @GetMapping
    @Operation(summary = "Tasks assigned to me and/or offered to my roles, one page at a time")
    public TaskListResponse list(@RequestParam(defaultValue = "false") boolean mine,
                                 @RequestParam(required = false) String group,
                                 @RequestParam(required = false) String processKey,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "20") int size,
                                 @RequestParam(defaultValue = "created") String sort,
                                 @RequestParam(defaultValue = "desc") String direction) {
        if (page < 0) {
            throw new InvalidInputException("page", "Page must not be negative");
        }
        if (size < 1 || size > 200) {
            throw new InvalidInputException("size", "Size must be between 1 and 200");
        }
        TaskFilter filter = new TaskFilter(mine, false, group, processKey, null, null, null, null);
        TaskPage result = tasks.list(CurrentActor.get(), filter, page * size, size, sort(sort, direction));
        return new TaskListResponse(result.items(), page, size, result.total());
    }

    @GetMapping("/{id}")
    @Operation(summary = "The task, its Form.io form definition and its current data")
    public TaskDetail get(@PathVariable String id) {
        return tasks.open(CurrentActor.get(), id);
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "Claim the task: it becomes mine (409 when someone else has it)")
    public TaskView claim(@PathVariable String id) {
        return tasks.claim(CurrentActor.get(), id);
    }

    @PostMapping("/{id}/unclaim")
    @Operation(summary = "Give the task back to its groups")
    public TaskView unclaim(@PathVariable String id) {
        return tasks.unclaim(CurrentActor.get(), id);
    }

    @PostMapping(path = "/{id}/assignee", consumes = "application/json")
    @Operation(summary = "Assign the task to a colleague whose roles it is offered to")
    public TaskView assign(@PathVariable String id, @RequestBody AssignRequest request) {
        return tasks.assign(CurrentActor.get(), id, request.assignee());
    }

    @PostMapping(path = "/{id}/submission", consumes = "application/json")
    @Operation(summary = "Submit the task's form: 200 and the task is completed, 422 with field errors, "
            + "409 when completed or claimed by someone else, 403 when not offered to you")
    public CompletedTask submit(@PathVariable String id, @RequestBody SubmissionRequest submission) {
        if (submission == null || submission.data() == null) {
            throw new InvalidInputException("data", "The submission needs a 'data' object");
        }
        return tasks.submit(CurrentActor.get(), id, submission.data());
    }

    @PutMapping(path = "/{id}/draft", consumes = "application/json")
    @Operation(summary = "Save unvalidated work in progress on the task (restored when I open it again)")
    public DraftSaved saveDraft(@PathVariable String id, @RequestBody SubmissionRequest draft) {
        if (draft == null || draft.data() == null) {
            throw new InvalidInputException("data", "The draft needs a 'data' object");
        }
        return new DraftSaved(id, tasks.saveDraft(CurrentActor.get(), id, draft.data()));
    }

    private static TaskSort sort(String field, String direction) {
        TaskSort.Field sortField = switch (field) {
            case "created" -> TaskSort.Field.CREATED;
            case "due" -> TaskSort.Field.DUE;
            case "name" -> TaskSort.Field.NAME;
            case "priority" -> TaskSort.Field.PRIORITY;
            case "assignee" -> TaskSort.Field.ASSIGNEE;
            default -> throw new InvalidInputException("sort", "Sort by created, due, name, priority or assignee");
        };
        if (!"asc".equals(direction) && !"desc".equals(direction)) {
            throw new InvalidInputException("direction", "Direction is asc or desc");
        }
        return new TaskSort(sortField, "asc".equals(direction));
    }

    public record TaskListResponse(List<TaskView> items, int page, int size, long total) {
    }

    public record SubmissionRequest(ObjectNode data) {
    }

    public record AssignRequest(String assignee) {
    }

    public record DraftSaved(String taskId, java.time.Instant savedAt) {
    }
}
