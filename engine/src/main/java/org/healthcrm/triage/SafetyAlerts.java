package org.healthcrm.triage;

import java.time.Clock;
import java.util.List;

import org.healthcrm.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Raises, attaches and resolves the red-flag banners. */
@Service
public class SafetyAlerts {

    private final SafetyAlertRepository alerts;
    private final AuditTrail audit;
    private final Clock clock;

    public SafetyAlerts(SafetyAlertRepository alerts, AuditTrail audit, Clock clock) {
        this.alerts = alerts;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public SafetyAlert raise(Long patientId, String processInstanceId, String disposition, String findingsJson) {
        SafetyAlert alert = alerts.save(new SafetyAlert(patientId, processInstanceId, disposition, findingsJson,
                clock.instant()));
        audit.change("SAFETY_ALERT_RAISE", patientId, "SafetyAlert", alert.getId().toString(), disposition);
        return alert;
    }

    /** Gives the alerts an intake raised before registration to the patient it registered. */
    @Transactional
    public void assignToPatient(String processInstanceId, long patientId) {
        for (SafetyAlert alert : alerts.findByProcessInstanceId(processInstanceId)) {
            if (alert.getPatientId() == null) {
                alert.assignPatient(patientId);
                audit.change("SAFETY_ALERT_ASSIGN", patientId, "SafetyAlert", alert.getId().toString(), null);
            }
        }
    }

    @Transactional
    public void resolveAll(String processInstanceId, String by) {
        for (SafetyAlert alert : alerts.findByProcessInstanceId(processInstanceId)) {
            if (alert.isOpen()) {
                alert.resolve(clock.instant(), by);
                audit.change("SAFETY_ALERT_RESOLVE", alert.getPatientId(), "SafetyAlert", alert.getId().toString(), null);
            }
        }
    }

    @Transactional(readOnly = true)
    public List<SafetyAlert> openForPatient(long patientId) {
        return alerts.findByPatientIdOrderByRaisedAtDesc(patientId).stream().filter(SafetyAlert::isOpen).toList();
    }

    @Transactional(readOnly = true)
    public List<SafetyAlert> openForProcess(String processInstanceId) {
        return alerts.findByProcessInstanceId(processInstanceId).stream().filter(SafetyAlert::isOpen).toList();
    }
}
