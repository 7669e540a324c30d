package org.healthcrm.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.healthcrm.workflow.ProcessSubmissions;
import org.springframework.stereotype.Component;

/** Sets {@code ageYears} (whole years today) from the birth date of the demographics, for the decisions that follow. */
@Component("derivePatientAge")
public class DerivePatientAge implements JavaDelegate {

    private final ProcessSubmissions submissions;
    private final Clock clock;

    public DerivePatientAge(ProcessSubmissions submissions, Clock clock) {
        this.submissions = submissions;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object birthDate = submissions.required(execution.getProcessInstanceId(), IntakeForms.DEMOGRAPHICS)
                .record("patient").get("birthDate");
        if (!(birthDate instanceof LocalDate day)) {
            throw new IllegalStateException("The demographics of process instance " + execution.getProcessInstanceId()
                    + " have no birth date");
        }
        execution.setVariable("ageYears", Period.between(day, LocalDate.now(clock)).getYears());
    }
}
