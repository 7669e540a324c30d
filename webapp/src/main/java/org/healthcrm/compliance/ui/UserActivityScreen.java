package org.healthcrm.compliance.ui;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import org.healthcrm.compliance.ActionCount;
import org.healthcrm.compliance.AuditEntry;
import org.healthcrm.compliance.AuditQuery;
import org.healthcrm.compliance.AuditReview;
import org.healthcrm.compliance.ComplianceReport;
import org.healthcrm.platform.InvalidInputException;
import org.healthcrm.platform.ui.ScreenSupport;
import org.healthcrm.security.web.CurrentActor;
import org.primefaces.model.LazyDataModel;
import org.springframework.stereotype.Component;

/**
 * One user's activity over UTC days (COMPLIANCE): how many events of each action, and the events, newest first,
 * with the export. {@code ?user=} opens it on the last 30 days of that user.
 */
@Component("userActivityScreen")
@ViewScoped
public class UserActivityScreen implements Serializable {

    static final int DEFAULT_DAYS = 30;

    private final transient AuditReview search;
    private String user;
    private LocalDate from;
    private LocalDate to;
    private AuditQuery applied;
    private List<ActionCount> counts = List.of();
    private final Rows model = new Rows();

    public UserActivityScreen(AuditReview search) {
        this.search = search;
    }

    /** Opens the screen on the request's parameters (a viewAction: before the page renders its messages). */
    public void open() {
        from = ComplianceScreens.todayUtc().minusDays(DEFAULT_DAYS - 1);
        user = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("user");
        if (user != null && !user.isBlank()) {
            show();
        }
    }

    public void show() {
        try {
            AuditQuery query = AuditQuery.ofUser(user, from, to);
            counts = search.actionCounts(CurrentActor.get(), query.username(), from, to);
            applied = query;
        } catch (InvalidInputException e) {
            applied = null;
            counts = List.of();
            ScreenSupport.error("Check the filters", e.getMessage());
        }
    }

    public boolean isShown() {
        return applied != null;
    }

    public String getShownUser() {
        return applied == null ? "" : applied.username();
    }

    public long getTotal() {
        return counts.stream().mapToLong(ActionCount::count).sum();
    }

    public List<ActionCount> getCounts() {
        return counts;
    }

    public String exportUrl(String format) {
        return applied == null ? "" : ComplianceScreens.exportUrl(ComplianceReport.Kind.USER_ACTIVITY.slug(), format,
                ComplianceScreens.criteria("user", applied.username(), "from", applied.from(), "to", applied.to()));
    }

    public String when(Instant instant) {
        return ComplianceScreens.utc(instant);
    }

    public LazyDataModel<AuditEntry> getModel() {
        return model;
    }

    public String getUser() { return user; }
    public void setUser(String user) { this.user = user; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }

    private final class Rows extends LazyRows<AuditEntry> {
        @Override
        protected long total() {
            return applied == null ? 0 : search.count(CurrentActor.get(), applied);
        }

        @Override
        protected List<AuditEntry> rows(int first, int size) {
            return applied == null ? List.of() : search.page(CurrentActor.get(), applied, first, size);
        }

        @Override
        protected String key(AuditEntry row) {
            return Long.toString(row.id());
        }
    }
}
