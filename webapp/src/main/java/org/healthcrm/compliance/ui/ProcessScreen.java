package org.healthcrm.compliance.ui;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import org.healthcrm.compliance.ComplianceReport;
import org.healthcrm.compliance.ProcessAudit;
import org.healthcrm.compliance.ProcessRecord;
import org.healthcrm.platform.InvalidInputException;
import org.healthcrm.platform.NotFoundException;
import org.healthcrm.platform.ui.ScreenSupport;
import org.healthcrm.security.web.CurrentActor;
import org.springframework.stereotype.Component;

/**
 * A process instance for compliance: every step with when it ran and who did it, and the form data of each
 * submission (its reading is audited; clinical answers are withheld without clinical access). Opened by
 * {@code ?id=} with a process instance id or business key; read once per page view.
 */
@Component("processAuditScreen")
@ViewScoped
public class ProcessScreen implements Serializable {

    /** A submission with the step it was made on, in the order of the steps. */
    public record SubmissionLine(String step, ProcessRecord.Submission submission) {
    }

    private final transient ProcessAudit processes;
    private String id;
    private transient ProcessRecord process;

    public ProcessScreen(ProcessAudit processes) {
        this.processes = processes;
    }

    /** Opens the screen on the request's parameters (a viewAction: before the page renders its messages). */
    public void open() {
        id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
        if (id == null || id.isBlank()) {
            return;
        }
        try {
            process = processes.read(CurrentActor.get(), id);
        } catch (NotFoundException | InvalidInputException e) {
            ScreenSupport.error("Not found", e.getMessage());
        }
    }

    public ProcessRecord getProcess() {
        return process;
    }

    public List<SubmissionLine> getSubmissions() {
        return process == null ? List.of() : process.steps().stream()
                .flatMap(step -> step.submissions().stream().map(s -> new SubmissionLine(step.name(), s)))
                .toList();
    }

    public String exportUrl(String format) {
        return process == null ? "" : ComplianceScreens.exportUrl(ComplianceReport.Kind.PROCESS.slug(), format,
                ComplianceScreens.criteria("id", process.processInstanceId()));
    }

    public String when(Instant instant) {
        return ComplianceScreens.utc(instant);
    }

    public String getId() {
        return id;
    }
}
