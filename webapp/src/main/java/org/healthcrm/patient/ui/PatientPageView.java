package org.healthcrm.patient.ui;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.healthcrm.consent.Consent;
import org.healthcrm.consent.Consents;
import org.healthcrm.documents.DocumentInfo;
import org.healthcrm.security.web.CurrentActor;
import org.healthcrm.documents.DocumentStore;
import org.healthcrm.patient.Coverage;
import org.healthcrm.patient.CoverageRepository;
import org.healthcrm.patient.HealthHistories;
import org.healthcrm.security.access.ClinicalAccess;
import org.healthcrm.patient.Patient;
import org.healthcrm.patient.PatientRecords;
import org.healthcrm.platform.NotFoundException;
import org.healthcrm.platform.ui.ScreenSupport;
import org.healthcrm.triage.SafetyAlert;
import org.healthcrm.triage.SafetyAlerts;
import org.springframework.stereotype.Component;

/**
 * The patient page: demographics, red-flag banner, coverage, consents and their status with the signed PDFs,
 * documents, open tasks and a timeline of the patient's processes. Opening it is audited as a read of the record.
 */
@Component("patientPage")
@ViewScoped
public class PatientPageView implements Serializable {

    private final transient PatientRecords patients;
    private final transient Consents consents;
    private final transient CoverageRepository coverages;
    private final transient DocumentStore documents;
    private final transient SafetyAlerts alerts;
    private final transient TaskService taskService;
    private final transient HistoryService historyService;
    private final transient Clock clock;
    private final transient HealthHistories histories;
    private final transient ClinicalAccess clinicalAccess;

    private Patient patient;
    private List<Consent> consentList;
    private List<Coverage> coverageList;
    private List<DocumentInfo> documentList;
    private List<SafetyAlert> openAlerts;
    private List<TaskLine> openTasks;
    private List<TimelineLine> timeline;
    private boolean clinicalAllowed;
    private HealthHistories.Summary history;
    private Instant breakGlassUntil;
    private String breakGlassReason;

    /** An open task of the patient. */
    public record TaskLine(String id, String name, String process, Instant due, String assignee) {
    }

    /** A process of the patient, newest first. */
    public record TimelineLine(String process, String businessKey, Instant started, Instant ended, String state) {
    }

    public PatientPageView(PatientRecords patients, Consents consents, CoverageRepository coverages,
                           DocumentStore documents, SafetyAlerts alerts, TaskService taskService,
                           HistoryService historyService, Clock clock, HealthHistories histories,
                           ClinicalAccess clinicalAccess) {
        this.histories = histories;
        this.clinicalAccess = clinicalAccess;
        this.patients = patients;
        this.consents = consents;
        this.coverages = coverages;
        this.documents = documents;
        this.alerts = alerts;
        this.taskService = taskService;
        this.historyService = historyService;
        this.clock = clock;
    }

    /** Loads the patient named by the {@code id} request parameter (a viewAction). */
    public void load() {
        if (patient != null) {
            return;
        }
        String id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
        try {
            long patientId = Long.parseLong(id);
            patient = patients.read(patientId);
            consentList = consents.of(patientId);
            coverageList = coverages.findByPatientIdOrderByIdDesc(patientId);
            documentList = documents.ofPatient(CurrentActor.get(), patientId);
            openAlerts = alerts.openForPatient(patientId);
            loadClinical(patientId);
            openTasks = taskService.createTaskQuery().processVariableValueEquals("patientId", patientId).active()
                    .orderByTaskCreateTime().desc().listPage(0, 200).stream()
                    .map(t -> new TaskLine(t.getId(), t.getName(), t.getProcessDefinitionId().split(":")[0],
                            t.getDueDate() == null ? null : t.getDueDate().toInstant(), t.getAssignee()))
                    .toList();
            timeline = historyService.createHistoricProcessInstanceQuery().variableValueEquals("patientId", patientId)
                    .orderByProcessInstanceStartTime().desc().listPage(0, 100).stream()
                    .map(h -> new TimelineLine(h.getProcessDefinitionName(), h.getBusinessKey(),
                            h.getStartTime().toInstant(), h.getEndTime() == null ? null : h.getEndTime().toInstant(),
                            h.getState()))
                    .toList();
        } catch (NumberFormatException | NotFoundException e) {
            ScreenSupport.error("No such patient", "Search for the patient again.");
        }
    }

    public String statusOf(Consent consent) {
        return consent.statusAt(clock.instant()).name();
    }

    /** The health history, shown only to those whose role or break-glass allows it. */
    private void loadClinical(long patientId) {
        var actor = CurrentActor.get();
        clinicalAllowed = clinicalAccess.allows(actor, patientId);
        breakGlassUntil = clinicalAccess.activeGrant(actor, patientId).map(g -> g.getExpiresAt()).orElse(null);
        history = clinicalAllowed ? histories.latest(actor, patientId).orElse(null) : null;
    }

    /** Breaks the glass for this patient with the reason typed, then shows the clinical history. */
    public void breakGlass() {
        try {
            clinicalAccess.breakGlass(CurrentActor.get(), patient.getId(), breakGlassReason);
            breakGlassReason = null;
            loadClinical(patient.getId());
            ScreenSupport.info("Access granted", "You may see this patient's clinical history until "
                    + breakGlassUntil + ". Compliance will review the reason you gave.");
        } catch (org.healthcrm.platform.InvalidInputException e) {
            ScreenSupport.error("Not granted", e.getMessage());
        }
    }

    public boolean isClinicalAllowed() { return clinicalAllowed; }
    public HealthHistories.Summary getHistory() { return history; }
    public Instant getBreakGlassUntil() { return breakGlassUntil; }
    public String getBreakGlassReason() { return breakGlassReason; }
    public void setBreakGlassReason(String reason) { this.breakGlassReason = reason; }

    public Patient getPatient() { return patient; }
    public List<Consent> getConsents() { return consentList; }
    public List<Coverage> getCoverages() { return coverageList; }
    public List<DocumentInfo> getDocuments() { return documentList; }
    public List<SafetyAlert> getOpenAlerts() { return openAlerts; }
    public List<TaskLine> getOpenTasks() { return openTasks; }
    public List<TimelineLine> getTimeline() { return timeline; }
}
