package org.healthcrm.compliance.ui;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import org.healthcrm.audit.AuditEvent;
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
 * The audit search (COMPLIANCE): events by patient (MRN), user, action, outcome and UTC days, newest first, a page
 * at a time, with their export to PDF and CSV. Opens on the last seven days; {@code ?patient=}, {@code ?user=} and
 * {@code ?action=} open it on those criteria (links from the other compliance screens).
 */
@Component("auditScreen")
@ViewScoped
public class AuditScreen implements Serializable {

    static final int DEFAULT_DAYS = 7;

    private final transient AuditReview search;
    private String patient;
    private String user;
    private String action;
    private String outcome;
    private LocalDate from;
    private LocalDate to;
    private AuditQuery applied = AuditQuery.none();
    private final Rows model = new Rows();

    public AuditScreen(AuditReview search) {
        this.search = search;
    }

    /** Opens the screen on the request's parameters (a viewAction: before the page renders its messages). */
    public void open() {
        var parameters = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        patient = parameters.get("patient");
        user = parameters.get("user");
        action = parameters.get("action");
        boolean linked = patient != null || user != null || action != null;
        // a link names whom to look at: all of the trail then; otherwise the last days, so that a first look is quick
        from = linked ? null : ComplianceScreens.todayUtc().minusDays(DEFAULT_DAYS - 1);
        search();
    }

    /** Applies the criteria typed; the table goes back to its first page. */
    public void search() {
        try {
            AuditQuery query = new AuditQuery(patient, user, action,
                    outcome == null || outcome.isBlank() ? null : AuditEvent.Outcome.valueOf(outcome), from, to);
            search.patientId(CurrentActor.get(), query); // an MRN must name a patient
            applied = query;
        } catch (InvalidInputException e) {
            ScreenSupport.error("Check the filters", e.getMessage());
        }
    }

    public void clear() {
        patient = null;
        user = null;
        action = null;
        outcome = null;
        from = null;
        to = null;
        search();
    }

    public String exportUrl(String format) {
        return ComplianceScreens.exportUrl(ComplianceReport.Kind.AUDIT.slug(), format, ComplianceScreens.criteria(
                "patient", applied.patientMrn(), "user", applied.username(), "action", applied.action(),
                "outcome", applied.outcome(), "from", applied.from(), "to", applied.to()));
    }

    public String when(Instant instant) {
        return ComplianceScreens.utc(instant);
    }

    public LazyDataModel<AuditEntry> getModel() {
        return model;
    }

    public List<String> getOutcomes() {
        return java.util.Arrays.stream(AuditEvent.Outcome.values()).map(Enum::name).toList();
    }

    public String getPatient() { return patient; }
    public void setPatient(String patient) { this.patient = patient; }
    public String getUser() { return user; }
    public void setUser(String user) { this.user = user; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }

    private final class Rows extends LazyRows<AuditEntry> {
        @Override
        protected long total() {
            return search.count(CurrentActor.get(), applied);
        }

        @Override
        protected List<AuditEntry> rows(int first, int size) {
            return search.page(CurrentActor.get(), applied, first, size);
        }

        @Override
        protected String key(AuditEntry row) {
            return Long.toString(row.id());
        }
    }
}
