package org.healthcrm.operations.ui;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import org.healthcrm.operations.IncidentPage;
import org.healthcrm.operations.IncidentRetry;
import org.healthcrm.operations.Incidents;
import org.healthcrm.operations.OpenIncident;
import org.healthcrm.operations.RetryProgress;
import org.healthcrm.platform.InvalidInputException;
import org.healthcrm.platform.NotFoundException;
import org.healthcrm.platform.ui.Dates;
import org.healthcrm.platform.ui.ScreenSupport;
import org.healthcrm.security.web.CurrentActor;
import org.healthcrm.workflow.WorkflowAccessDeniedException;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.springframework.stereotype.Component;

/**
 * ADMIN screen: the open incidents, a page at a time, and "Retry", which gives the failed job one more try now. The
 * retries made here are followed on the screen until they are done or have failed again.
 */
@Component("incidentScreen")
@ViewScoped
public class IncidentScreen implements Serializable {

    /** The request parameter that names the incident to retry: fixed when the page was drawn, unlike a row index. */
    static final String INCIDENT_PARAMETER = "incident";

    private static final int MAX_RETRIES_SHOWN = 20;

    private final transient Incidents incidents;
    private final IncidentModel model = new IncidentModel();
    private final List<RetryLine> retries = new ArrayList<>();

    /** A retry made on this screen and what became of it. */
    public record RetryLine(String incidentId, String jobId, String processInstanceId, String label, String state,
                            String failure) implements Serializable {

        public boolean waiting() {
            return RetryProgress.State.WAITING.name().equals(state);
        }

        public String stateText() {
            return switch (RetryProgress.State.valueOf(state)) {
                case WAITING -> "Running again…";
                case DONE -> "Done: the process went on";
                case FAILED_AGAIN -> "Failed again: a new incident is listed";
            };
        }

        RetryLine with(RetryProgress progress) {
            return new RetryLine(incidentId, jobId, processInstanceId, label, progress.state().name(),
                    progress.failure());
        }
    }

    public IncidentScreen(Incidents incidents) {
        this.incidents = incidents;
    }

    /** Retries the incident named by the request parameter and starts following it. */
    public void retry() {
        String incidentId = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                .get(INCIDENT_PARAMETER);
        try {
            OpenIncident shown = model.shown(incidentId);
            IncidentRetry retry = incidents.retry(CurrentActor.get(), incidentId);
            String label = shown == null ? "Process instance " + retry.processInstanceId() : label(shown);
            retries.add(0, new RetryLine(retry.incidentId(), retry.jobId(), retry.processInstanceId(), label,
                    RetryProgress.State.WAITING.name(), null));
            if (retries.size() > MAX_RETRIES_SHOWN) {
                retries.remove(retries.size() - 1);
            }
            ScreenSupport.info("Retry started", label + " runs again now. Its outcome shows under \"Your retries\".");
        } catch (NotFoundException | InvalidInputException | WorkflowAccessDeniedException e) {
            ScreenSupport.error("Not retried", e.getMessage());
        } catch (RuntimeException e) {
            ScreenSupport.unexpected(e);
        }
    }

    /** Polled while a retry is running: asks the engine what became of each. */
    public void checkRetries() {
        for (int i = 0; i < retries.size(); i++) {
            RetryLine line = retries.get(i);
            if (line.waiting()) {
                retries.set(i, line.with(incidents.progress(CurrentActor.get(), line.jobId())));
            }
        }
    }

    public void refresh() {
        // the table reloads through the lazy model
    }

    public boolean isRetryPending() {
        return retries.stream().anyMatch(RetryLine::waiting);
    }

    public List<RetryLine> getRetries() {
        return retries;
    }

    public LazyDataModel<OpenIncident> getModel() {
        return model;
    }

    public String when(Instant instant) {
        return Dates.format(instant);
    }

    public String process(OpenIncident incident) {
        return incident.processName() == null ? "" : incident.processName() + " (version " + incident.processVersion() + ")";
    }

    private static String label(OpenIncident incident) {
        return "\"" + incident.activityName() + "\" of " + incident.processName()
                + (incident.businessKey() == null ? "" : " " + incident.businessKey());
    }

    /** Loads one page at a time, newest first; counts every open incident. */
    private final class IncidentModel extends LazyDataModel<OpenIncident> {

        private transient List<OpenIncident> page = List.of();

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, incidents.count(CurrentActor.get()));
        }

        @Override
        public List<OpenIncident> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                       Map<String, FilterMeta> filterBy) {
            IncidentPage result = incidents.list(CurrentActor.get(), first,
                    Math.max(1, Math.min(pageSize, Incidents.MAX_PAGE_SIZE)));
            setRowCount((int) Math.min(Integer.MAX_VALUE, result.total()));
            page = result.items();
            return page;
        }

        OpenIncident shown(String incidentId) {
            return page == null ? null
                    : page.stream().filter(i -> i.id().equals(incidentId)).findFirst().orElse(null);
        }

        @Override
        public String getRowKey(OpenIncident incident) {
            return incident.id();
        }
    }
}
