package org.healthcrm.intake;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.healthcrm.triage.SafetyAlerts;
import org.healthcrm.workflow.ProcessSubmissions;
import org.springframework.stereotype.Component;

/**
 * Evaluates the DMN table {@value #DECISION} on the health history and sets {@code disposition} (EMERGENCY when any
 * row says so, else ROUTINE) and {@code redFlagFindings} (the findings with their sources, as text). An emergency
 * raises the red-flag banner. Which symptoms are red flags is the table's business, not this class's.
 */
@Component("redFlagScreening")
public class RedFlagScreening implements JavaDelegate {

    static final String DECISION = "red-flags";
    public static final String EMERGENCY = "EMERGENCY";

    private final ProcessSubmissions submissions;
    private final DecisionService decisions;
    private final SafetyAlerts alerts;
    private final ObjectMapper objectMapper;

    public RedFlagScreening(ProcessSubmissions submissions, DecisionService decisions, SafetyAlerts alerts,
                            ObjectMapper objectMapper) {
        this.submissions = submissions;
        this.decisions = decisions;
        this.alerts = alerts;
        this.objectMapper = objectMapper;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // the answers come from the encrypted submission archive: clinical answers are no process variables
        Map<String, Object> answers = objectMapper.convertValue(submissions.required(execution.getProcessInstanceId(),
                IntakeForms.HEALTH_HISTORY).data(), new TypeReference<Map<String, Object>>() { });
        List<Map<String, Object>> rows = decisions.evaluateDecisionByKey(DECISION)
                .variables(answers).evaluate().getResultList();
        ArrayNode findings = objectMapper.createArrayNode();
        boolean emergency = false;
        for (Map<String, Object> row : rows) {
            emergency |= EMERGENCY.equals(row.get("disposition"));
            findings.addObject().put("disposition", String.valueOf(row.get("disposition")))
                    .put("finding", String.valueOf(row.get("finding"))).put("source", String.valueOf(row.get("source")));
        }
        String disposition = emergency ? EMERGENCY : "ROUTINE";
        execution.setVariable("disposition", disposition);
        execution.setVariable("redFlagFindings", findings.toString());
        if (emergency) {
            Object patientId = execution.getVariable(IntakeForms.PATIENT_ID);
            alerts.raise(patientId instanceof Number n ? n.longValue() : null, execution.getProcessInstanceId(),
                    disposition, findings.toString());
        }
    }
}
