package org.healthcrm.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.healthcrm.IntegrationTest;
import org.healthcrm.Submissions;
import org.healthcrm.ehr.sandbox.EhrSandbox;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tests that need an incident: a whole patient intake through the API while the EHR sandbox is down, so that the
 * EHR push fails on every try (PT1S,PT1S in the it profile) and ends in an incident. The sandbox is shared by every
 * test of the one Spring context: it is always switched back on after each test.
 */
public abstract class EhrIncidentTest extends IntegrationTest {

    protected static final Duration JOB_TIMEOUT = Duration.ofSeconds(120);

    @Autowired
    protected EhrSandbox sandbox;
    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    protected HistoryService historyService;

    @AfterEach
    void ehrBackUp() {
        sandbox.setAvailable(true);
    }

    /** Six lower-case letters that differ from call to call, for names that must not look like duplicates. */
    protected static String uniqueLetters() {
        String letters = Long.toString(System.nanoTime(), 26).replaceAll("[0-9]", "q");
        return letters.substring(letters.length() - 6);
    }

    /** An intake whose EHR push has become an incident. */
    protected record IntakeIncident(String processInstanceId, String businessKey, long patientId, String incidentId) {
    }

    /**
     * Registers the patient through the five intake tasks with the EHR down, and waits until the push has used its
     * retries and left an incident. The EHR stays down: the caller switches it back on (in a finally block).
     */
    protected IntakeIncident intakeWithEhrDown(String givenName, String familyName) {
        String businessKey = "incident-" + System.nanoTime();
        Response started = post("frontdesk", "/api/processes/patient-intake/instances",
                "{\"businessKey\":\"" + businessKey + "\",\"data\":{}}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String instanceId = started.json().get("id").asText();

        submit(businessKey, "Collect demographics", Submissions.demographics(givenName, familyName));
        submit(businessKey, "Collect health history", Submissions.healthHistory(false));
        submit(businessKey, "Collect consents", Submissions.consentsByPatient(givenName + " " + familyName, false));
        submit(businessKey, "Collect insurance or payment", Submissions.insurance());
        sandbox.setAvailable(false);
        // registers the patient; the EHR push follows as a job of its own, which fails while the EHR is down
        submit(businessKey, "Review registration", Submissions.review());

        Incident incident = await("the EHR push of " + businessKey + " to become an incident").atMost(JOB_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> runtimeService.createIncidentQuery().processInstanceId(instanceId).singleResult(),
                        found -> found != null);
        Object patientId = runtimeService.getVariable(instanceId, "patientId");
        assertThat(patientId).as("the patient was registered before the push").isInstanceOf(Number.class);
        return new IntakeIncident(instanceId, businessKey, ((Number) patientId).longValue(), incident.getId());
    }

    /** Waits until the process instance has ended, and returns its history. */
    protected HistoricProcessInstance awaitEnded(String processInstanceId) {
        return await("process instance " + processInstanceId + " to end").atMost(JOB_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                        .singleResult(), instance -> instance != null && instance.getEndTime() != null);
    }

    private void submit(String businessKey, String taskName, String body) {
        JsonNode task = null;
        for (JsonNode candidate : get("frontdesk", "/api/tasks?size=200").json().get("items")) {
            if (businessKey.equals(candidate.path("businessKey").asText())
                    && taskName.equals(candidate.path("name").asText())) {
                task = candidate;
            }
        }
        assertThat(task).as("task '" + taskName + "' of " + businessKey).isNotNull();
        Response response = post("frontdesk", "/api/tasks/" + task.get("id").asText() + "/submission", body);
        assertThat(response.status()).as(taskName + ": " + response.body()).isEqualTo(200);
    }
}
