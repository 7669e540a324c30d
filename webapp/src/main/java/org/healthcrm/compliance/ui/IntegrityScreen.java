package org.healthcrm.compliance.ui;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import org.healthcrm.audit.AuditVerification;
import org.healthcrm.compliance.AuditIntegrity;
import org.healthcrm.compliance.AuditIntegrity.BreakGlassUse;
import org.healthcrm.platform.NotFoundException;
import org.healthcrm.platform.ui.ScreenSupport;
import org.healthcrm.security.web.CurrentActor;
import org.healthcrm.workflow.WorkflowAccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The audit trail's integrity (COMPLIANCE): verify the hash chain, whole or one UTC day, and see INTACT or the first
 * problem; and the break-glass uses waiting for review, each with "Mark reviewed".
 */
@Component("integrityScreen")
@ViewScoped
public class IntegrityScreen implements Serializable {

    /** The request parameter naming the break-glass use to mark: fixed when the page was drawn. */
    static final String GRANT_PARAMETER = "grant";
    static final int QUEUE_SIZE = 100;

    /** What the last verification said, as the screen shows it. */
    public record Outcome(String scope, boolean intact, String problem, long firstLink, long lastLink,
                          long linksChecked, int checkpointsChecked, long millis) implements Serializable {
    }

    private final transient AuditIntegrity integrity;
    private LocalDate day;
    private Outcome outcome;
    /** Loaded when the page first asks (not at construction: there is no signed-in user then outside a request). */
    private List<BreakGlassUse> queue;
    private long queueCount;

    public IntegrityScreen(AuditIntegrity integrity) {
        this.integrity = integrity;
    }

    void loadQueue() {
        queue = integrity.awaitingReview(CurrentActor.get(), QUEUE_SIZE);
        queueCount = integrity.awaitingReviewCount(CurrentActor.get());
    }

    public void verifyAll() {
        verify(null);
    }

    public void verifyDay() {
        if (day == null) {
            ScreenSupport.error("Choose a day", "Pick the UTC day whose links to verify.");
            return;
        }
        verify(day);
    }

    private void verify(LocalDate scope) {
        try {
            AuditVerification.Report report = integrity.verify(CurrentActor.get(), scope);
            outcome = new Outcome(scope == null ? "the whole chain" : "the links sealed on " + scope + " (UTC)",
                    report.intact(), report.intact() ? null : report.problem().message(), report.firstSeq(),
                    report.lastSeq(), report.linksChecked(), report.checkpointsChecked(), report.took().toMillis());
        } catch (RuntimeException e) {
            ScreenSupport.unexpected(e);
        }
    }

    public void markReviewed() {
        String grant = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                .get(GRANT_PARAMETER);
        try {
            integrity.markReviewed(CurrentActor.get(), Long.parseLong(grant));
            ScreenSupport.info("Reviewed", "The break-glass use is marked reviewed by you.");
        } catch (NumberFormatException | NotFoundException | WorkflowAccessDeniedException e) {
            ScreenSupport.error("Not marked", e instanceof NumberFormatException ? "Reload the page and try again."
                    : e.getMessage());
        }
        loadQueue();
    }

    public List<BreakGlassUse> getQueue() {
        if (queue == null) {
            loadQueue();
        }
        return queue;
    }

    public long getQueueCount() {
        if (queue == null) {
            loadQueue();
        }
        return queueCount;
    }

    public String when(Instant instant) {
        return ComplianceScreens.utc(instant);
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public LocalDate getDay() { return day; }
    public void setDay(LocalDate day) { this.day = day; }
}
