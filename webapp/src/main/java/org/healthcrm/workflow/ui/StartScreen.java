package org.healthcrm.workflow.ui;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import org.healthcrm.platform.InvalidInputException;
import org.healthcrm.platform.NotFoundException;
import org.healthcrm.platform.ui.ScreenSupport;
import org.healthcrm.security.Actor;
import org.healthcrm.security.web.CurrentActor;
import org.healthcrm.workflow.FormSubmissionException;
import org.healthcrm.workflow.ProcessLauncher;
import org.healthcrm.workflow.ProcessLauncher.StartableProcess;
import org.healthcrm.workflow.ProcessLauncher.StartedProcess;
import org.healthcrm.workflow.TaskView;
import org.healthcrm.workflow.WorkTaskService;
import org.healthcrm.workflow.WorkflowAccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/**
 * The start screen: the processes the user's roles may start. Starting one claims its first task for the user when
 * it is theirs to do, and opens it.
 */
@Component("startScreen")
@RequestScope
public class StartScreen {

    private final ProcessLauncher launcher;
    private final WorkTaskService tasks;
    private List<StartableProcess> processes;

    public StartScreen(ProcessLauncher launcher, WorkTaskService tasks) {
        this.launcher = launcher;
        this.tasks = tasks;
    }

    public List<StartableProcess> getProcesses() {
        if (processes == null) {
            processes = launcher.startable(CurrentActor.get());
        }
        return processes;
    }

    public void start(String key) throws IOException {
        startForPatient(key, null);
    }

    /** Starts a process about a registered patient (the patient page's actions); {@code null}: no patient yet. */
    public void startForPatient(String key, Long patientId) throws IOException {
        Actor actor = CurrentActor.get();
        try {
            var data = JsonNodeFactory.instance.objectNode();
            if (patientId != null) {
                data.put(WorkTaskService.PATIENT_ID, patientId);
            }
            StartedProcess started = launcher.start(actor, key, null, data);
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            ScreenSupport.keepMessages();
            var next = tasks.nextTaskIn(actor, started.id());
            if (next.isPresent()) {
                TaskView task = tasks.claim(actor, next.get().id());
                ScreenSupport.info("Started", "Continue with " + task.name() + ".");
                external.redirect(external.getRequestContextPath() + "/app/task.xhtml?id=" + task.id());
            } else {
                ScreenSupport.info("Started", "The first step waits in the inbox of the team that does it.");
                external.redirect(external.getRequestContextPath() + "/app/inbox.xhtml");
            }
        } catch (WorkflowAccessDeniedException | NotFoundException | InvalidInputException | FormSubmissionException e) {
            ScreenSupport.error("Not started", e.getMessage());
        }
    }
}
