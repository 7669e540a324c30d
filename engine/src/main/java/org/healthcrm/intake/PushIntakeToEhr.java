package org.healthcrm.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.healthcrm.ehr.EhrGateway;
import org.springframework.stereotype.Component;

/**
 * Sends the registration to the EHR: patient (found or created), coverage, consents and the intake packet. Runs as
 * its own job (asyncBefore in the model), so an EHR outage is retried with back-off and ends in an incident, never
 * in a lost intake. Safe to repeat: what the EHR already has is not sent again.
 */
@Component("pushIntakeToEhr")
public class PushIntakeToEhr implements JavaDelegate {

    private final EhrGateway ehr;

    public PushIntakeToEhr(EhrGateway ehr) {
        this.ehr = ehr;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long patientId = ((Number) execution.getVariable(IntakeForms.PATIENT_ID)).longValue();
        long packetId = ((Number) execution.getVariable("intakePacketDocumentId")).longValue();
        ehr.pushRegistration(patientId, packetId);
    }
}
