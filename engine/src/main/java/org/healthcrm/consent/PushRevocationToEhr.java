package org.healthcrm.consent;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.healthcrm.ehr.EhrGateway;
import org.springframework.stereotype.Component;

/** Tells the EHR that the consents were revoked and attaches the revocation PDF; its own job, retried like the intake push. */
@Component("pushRevocationToEhr")
public class PushRevocationToEhr implements JavaDelegate {

    private final EhrGateway ehr;

    public PushRevocationToEhr(EhrGateway ehr) {
        this.ehr = ehr;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long patientId = ((Number) execution.getVariable("patientId")).longValue();
        List<Long> consentIds = Arrays.stream(((String) execution.getVariable("revokedConsentIds")).split(","))
                .map(Long::parseLong).toList();
        long documentId = ((Number) execution.getVariable("revocationDocumentId")).longValue();
        ehr.pushRevocation(patientId, consentIds, documentId);
    }
}
