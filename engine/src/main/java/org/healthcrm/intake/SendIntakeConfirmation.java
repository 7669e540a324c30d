package org.healthcrm.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.healthcrm.messaging.PatientMail;
import org.springframework.stereotype.Component;

/** E-mails the patient that their registration is complete, when they consented to e-mail (checked again here). */
@Component("sendIntakeConfirmation")
public class SendIntakeConfirmation implements JavaDelegate {

    private final PatientMail mail;

    public SendIntakeConfirmation(PatientMail mail) {
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long patientId = ((Number) execution.getVariable(IntakeForms.PATIENT_ID)).longValue();
        execution.setVariable("confirmationSent", mail.sendRegistrationConfirmation(patientId));
    }
}
