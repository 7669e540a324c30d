package org.healthcrm.workflow.ui;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import org.healthcrm.platform.NotFoundException;
import org.healthcrm.platform.ui.Dates;
import org.healthcrm.platform.ui.ScreenSupport;
import org.healthcrm.security.web.CurrentActor;
import org.healthcrm.forms.validation.FieldError;
import org.healthcrm.workflow.FormSubmissionException;
import org.healthcrm.workflow.TaskConflictException;
import org.healthcrm.workflow.WorkTaskService;
import org.healthcrm.workflow.WorkTaskService.TaskDetail;
import org.healthcrm.workflow.WorkflowAccessDeniedException;
import org.primefaces.PrimeFaces;
import org.springframework.stereotype.Component;

/**
 * The task screen: the task's context (patient, process, due date) and its Form.io form rendered in the browser.
 * A submission comes back as JSON and goes through the same validation as the API; errors are returned to the
 * page so that each shows at its field.
 */
@Component("taskScreen")
@ViewScoped
public class TaskScreen implements Serializable {

    private final transient WorkTaskService tasks;
    private final transient ObjectMapper objectMapper;

    private String id;
    private TaskDetail detail;
    private String problem;
    private String payload;

    public TaskScreen(WorkTaskService tasks, ObjectMapper objectMapper) {
        this.tasks = tasks;
        this.objectMapper = objectMapper;
    }

    /** Runs when the page opens (f:viewAction). */
    public void load() {
        if (id == null || id.isBlank()) {
            problem = "No task was chosen. Open a task from the inbox.";
            return;
        }
        try {
            detail = tasks.open(CurrentActor.get(), id);
        } catch (NotFoundException | TaskConflictException | WorkflowAccessDeniedException e) {
            problem = e.getMessage();
            detail = null;
        }
    }

    public void claim() {
        try {
            tasks.claim(CurrentActor.get(), id);
            load();
            ScreenSupport.info("Task claimed", "You can now complete it.");
        } catch (TaskConflictException | WorkflowAccessDeniedException | NotFoundException e) {
            ScreenSupport.error("Not possible", e.getMessage());
        }
    }

    /** Called by the form's submit: validates and completes, or sends the field errors back to the browser. */
    public void submit() throws IOException {
        ObjectNode data = payloadObject();
        if (data == null) {
            return;
        }
        try {
            tasks.submit(CurrentActor.get(), id, data);
            ScreenSupport.info("Task completed", detail == null ? "" : detail.task().name() + " is done.");
            ScreenSupport.keepMessages();
            FacesContext context = FacesContext.getCurrentInstance();
            context.getExternalContext().redirect(context.getExternalContext().getRequestContextPath() + "/app/inbox.xhtml");
        } catch (FormSubmissionException e) {
            PrimeFaces.current().ajax().addCallbackParam("errors", errorsJson(e.errors()));
            ScreenSupport.error("Please correct the form", e.getMessage() + ": see the fields marked in red.");
        } catch (TaskConflictException | WorkflowAccessDeniedException | NotFoundException e) {
            ScreenSupport.error("Not submitted", e.getMessage());
        } catch (RuntimeException e) {
            // the form stays on the page with what was typed; the user gets the request id to quote
            ScreenSupport.unexpected(e);
        }
    }

    /** Called by "Save draft": keeps the data as it is, unvalidated, for this user. */
    public void saveDraft() {
        ObjectNode data = payloadObject();
        if (data == null) {
            return;
        }
        try {
            java.time.Instant saved = tasks.saveDraft(CurrentActor.get(), id, data);
            ScreenSupport.info("Draft saved", "Saved at " + Dates.format(saved) + ". It will be here when you come back.");
        } catch (TaskConflictException | WorkflowAccessDeniedException | NotFoundException
                 | org.healthcrm.platform.InvalidInputException e) {
            ScreenSupport.error("Draft not saved", e.getMessage());
        }
    }

    private ObjectNode payloadObject() {
        try {
            JsonNode parsed = payload == null ? null : objectMapper.readTree(payload);
            if (parsed == null || !parsed.isObject()) {
                ScreenSupport.error("Not saved", "The form sent no data.");
                return null;
            }
            return (ObjectNode) parsed;
        } catch (JsonProcessingException e) {
            ScreenSupport.error("Not saved", "The form sent data that could not be read.");
            return null;
        }
    }

    private String errorsJson(List<FieldError> errors) {
        try {
            return objectMapper.writeValueAsString(errors.stream()
                    .map(error -> Map.of("path", error.path(), "message", error.message())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String getFormJson() throws JsonProcessingException {
        return detail == null || detail.form() == null ? "null" : safeForScript(objectMapper.writeValueAsString(detail.form()));
    }

    public String getDataJson() throws JsonProcessingException {
        return detail == null ? "{}" : safeForScript(objectMapper.writeValueAsString(detail.data()));
    }

    /** JSON placed inside a script element must not be able to close it. */
    private static String safeForScript(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    public String when(java.time.Instant instant) {
        return Dates.format(instant);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public TaskDetail getDetail() {
        return detail;
    }

    public String getProblem() {
        return problem;
    }

    public String getPayload() {
        return payload;
    }

    public void setPayload(String payload) {
        this.payload = payload;
    }
}
