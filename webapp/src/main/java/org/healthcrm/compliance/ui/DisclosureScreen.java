package org.healthcrm.compliance.ui;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import org.healthcrm.compliance.ComplianceReport;
import org.healthcrm.compliance.Disclosure;
import org.healthcrm.compliance.DisclosureQuery;
import org.healthcrm.compliance.Disclosures;
import org.healthcrm.platform.InvalidInputException;
import org.healthcrm.platform.ui.ScreenSupport;
import org.healthcrm.security.web.CurrentActor;
import org.primefaces.model.LazyDataModel;
import org.springframework.stereotype.Component;

/** The accounting of disclosures of one patient (COMPLIANCE), with its export; {@code ?patient=MRN} opens it. */
@Component("disclosureScreen")
@ViewScoped
public class DisclosureScreen implements Serializable {

    private final transient Disclosures disclosures;
    private String patient;
    private LocalDate from;
    private LocalDate to;
    private DisclosureQuery applied;
    private final Rows model = new Rows();

    public DisclosureScreen(Disclosures disclosures) {
        this.disclosures = disclosures;
    }

    /** Opens the screen on the request's parameters (a viewAction: before the page renders its messages). */
    public void open() {
        patient = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("patient");
        if (patient != null && !patient.isBlank()) {
            search();
        }
    }

    public void search() {
        try {
            DisclosureQuery query = new DisclosureQuery(patient, from, to);
            disclosures.patientId(CurrentActor.get(), query);
            applied = query;
        } catch (InvalidInputException e) {
            applied = null;
            ScreenSupport.error("Check the filters", e.getMessage());
        }
    }

    public boolean isSearched() {
        return applied != null;
    }

    public String getShownPatient() {
        return applied == null ? "" : applied.patientMrn();
    }

    public String exportUrl(String format) {
        return applied == null ? "" : ComplianceScreens.exportUrl(ComplianceReport.Kind.DISCLOSURES.slug(), format,
                ComplianceScreens.criteria("patient", applied.patientMrn(), "from", applied.from(), "to",
                        applied.to()));
    }

    public String when(Instant instant) {
        return ComplianceScreens.utc(instant);
    }

    public LazyDataModel<Disclosure> getModel() {
        return model;
    }

    public String getPatient() { return patient; }
    public void setPatient(String patient) { this.patient = patient; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }

    private final class Rows extends LazyRows<Disclosure> {
        @Override
        protected long total() {
            return applied == null ? 0 : disclosures.count(CurrentActor.get(), applied);
        }

        @Override
        protected List<Disclosure> rows(int first, int size) {
            return applied == null ? List.of() : disclosures.page(CurrentActor.get(), applied, first, size);
        }

        @Override
        protected String key(Disclosure row) {
            return Long.toString(row.eventId());
        }
    }
}
