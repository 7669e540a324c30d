package org.healthcrm.intake;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.healthcrm.audit.AuditTrail;
import org.healthcrm.triage.SafetyAlerts;
import org.springframework.stereotype.Component;

/** Takes the red-flag banner of this intake down once a nurse has reviewed it. */
@Component("resolveSafetyAlerts")
public class ResolveSafetyAlerts implements JavaDelegate {

    private final SafetyAlerts alerts;
    private final IdentityService identityService;

    public ResolveSafetyAlerts(SafetyAlerts alerts, IdentityService identityService) {
        this.alerts = alerts;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Authentication current = identityService.getCurrentAuthentication();
        alerts.resolveAll(execution.getProcessInstanceId(), current == null ? AuditTrail.SYSTEM_USER : current.getUserId());
    }
}
