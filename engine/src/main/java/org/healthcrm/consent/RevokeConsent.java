package org.healthcrm.consent;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.healthcrm.workflow.ProcessSubmissions;
import org.springframework.stereotype.Component;

/**
 * Revokes, at once, the patient's active consents of the type recorded in the revocation form (in the transaction
 * of the form's submission: from this moment messaging no longer finds the consent). Sets {@code revokedConsentIds}.
 */
@Component("revokeConsent")
public class RevokeConsent implements JavaDelegate {

    static final String FORM = "consent-revocation";

    private final ProcessSubmissions submissions;
    private final Consents consents;

    public RevokeConsent(ProcessSubmissions submissions, Consents consents) {
        this.submissions = submissions;
        this.consents = consents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var form = submissions.required(execution.getProcessInstanceId(), FORM);
        long patientId = ((Number) execution.getVariable("patientId")).longValue();
        ConsentType type = ConsentType.fromFormValue(form.data().path("consentType").asText());
        String reason = form.data().path("reason").asText(null);
        List<Consent> revoked = consents.revoke(patientId, type, reason, form.submittedBy());
        execution.setVariable("revokedConsentIds",
                String.join(",", revoked.stream().map(c -> c.getId().toString()).toList()));
    }
}
