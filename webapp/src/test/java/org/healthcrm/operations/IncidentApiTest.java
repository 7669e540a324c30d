package org.healthcrm.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import org.healthcrm.audit.AuditEvent;
import org.healthcrm.audit.AuditEventRepository;
import org.healthcrm.ehr.EhrSettings;
import org.healthcrm.patient.Patient;
import org.healthcrm.patient.PatientRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An EHR outage during an intake, as an administrator handles it through the API: the incident is listed with where
 * and why but without patient data; once the EHR is back, a retry lets the intake finish, the EHR holds the patient,
 * and the retry is in the audit trail. A second retry of the same incident, and one of an incident that never
 * existed, are 404.
 */
class IncidentApiTest extends EhrIncidentTest {

    @Autowired
    PatientRepository patients;
    @Autowired
    AuditEventRepository audit;
    @Autowired
    EhrSettings ehrSettings;

    @Test
    void anEhrOutageBecomesAnIncidentWhichAnAdministratorRetriesOnceTheEhrIsBack() {
        String given = "Philippa";
        String family = "Oberholzer" + uniqueLetters();
        try {
            IntakeIncident intake = intakeWithEhrDown(given, family);
            Patient patient = patients.findById(intake.patientId()).orElseThrow();

            Response list = get("admin", "/api/incidents?size=200");
            assertThat(list.status()).as(list.body()).isEqualTo(200);
            assertThat(list.header("Content-Type")).startsWith("application/json");
            assertThat(list.json().get("total").asLong()).isGreaterThanOrEqualTo(1);
            JsonNode listed = itemOf(list.json(), intake.incidentId());
            assertThat(listed).as("the intake's incident is listed").isNotNull();
            assertThat(listed.get("type").asText()).isEqualTo("failedJob");
            assertThat(listed.get("processKey").asText()).isEqualTo("patient-intake");
            assertThat(listed.get("processName").asText()).isEqualTo("Patient intake");
            assertThat(listed.get("processVersion").asInt()).isPositive();
            assertThat(listed.get("processInstanceId").asText()).isEqualTo(intake.processInstanceId());
            assertThat(listed.get("businessKey").asText()).isEqualTo(intake.businessKey());
            assertThat(listed.get("activityId").asText()).isEqualTo("ServiceTask_PushToEhr");
            assertThat(listed.get("activityName").asText()).isEqualTo("Send the registration to the EHR");
            assertThat(listed.get("retriesLeft").asInt()).isZero();
            assertThat(listed.get("retryable").asBoolean()).isTrue();
            assertThat(listed.get("patientId").asLong()).isEqualTo(intake.patientId());
            assertThat(listed.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            // why, in words an operator can act on: the call, our internal id and the status, nothing else
            assertThat(listed.get("failure").asText())
                    .contains("EHR call").contains("patient " + intake.patientId()).contains("HTTP 503")
                    .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("\n");
            // no patient data anywhere in the answer
            assertThat(list.body()).doesNotContain(family).doesNotContain(given).doesNotContain(patient.getMrn())
                    .doesNotContain("Harbor Street").doesNotContain("XJ-4471-09");

            // the EHR is back: the retry
            sandbox.setAvailable(true);
            Response retry = post("admin", "/api/incidents/" + intake.incidentId() + "/retry", null);
            assertThat(retry.status()).as(retry.body()).isEqualTo(202);
            assertThat(retry.json().get("incidentId").asText()).isEqualTo(intake.incidentId());
            assertThat(retry.json().get("processInstanceId").asText()).isEqualTo(intake.processInstanceId());
            assertThat(retry.json().get("jobId").asText()).isEqualTo(listed.get("jobId").asText());
            assertThat(retry.json().get("retries").asInt()).isEqualTo(1);
            assertThat(itemOf(get("admin", "/api/incidents?size=200").json(), intake.incidentId()))
                    .as("the incident is resolved by the retry").isNull();

            // the push runs again, succeeds, and the intake ends
            assertThat(awaitEnded(intake.processInstanceId()).getState()).isEqualTo("COMPLETED");
            assertThat(runtimeService.createIncidentQuery().processInstanceId(intake.processInstanceId()).count())
                    .isZero();

            // the EHR holds the patient under our MRN, as the integration account reads it over FHIR
            String identifier = URLEncoder.encode(ehrSettings.getMrnSystem() + "|" + patient.getMrn(),
                    StandardCharsets.UTF_8);
            Response inEhr = get("integration", "/ehr-sandbox/fhir/Patient?identifier=" + identifier);
            assertThat(inEhr.status()).as(inEhr.body()).isEqualTo(200);
            JsonNode entries = inEhr.json().get("entry");
            assertThat(entries).as(inEhr.body()).isNotNull().hasSize(1);
            assertThat(entries.get(0).at("/resource/name/0/family").asText()).isEqualTo(family);
            String ehrPatientId = patients.findById(intake.patientId()).orElseThrow().getEhrPatientId();
            assertThat(entries.get(0).at("/resource/id").asText()).isEqualTo(ehrPatientId);
            assertThat(sandbox.documentsOf(ehrPatientId)).as("the intake packet").hasSize(1);

            // audited: who retried which process instance of which patient
            assertThat(audit.findByPatientIdOrderByIdAsc(intake.patientId()))
                    .filteredOn(e -> Incidents.RETRY_ACTION.equals(e.getAction()))
                    .singleElement().satisfies(e -> {
                        assertThat(e.getUsername()).isEqualTo("admin");
                        assertThat(e.getOutcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
                        assertThat(e.getObjectType()).isEqualTo("ProcessInstance");
                        assertThat(e.getObjectId()).isEqualTo(intake.processInstanceId());
                        assertThat(e.getDetail()).contains(intake.incidentId()).contains(listed.get("jobId").asText());
                        assertThat(e.getRequestId()).isNotBlank();
                    });

            // the incident is gone: retrying it again is a 404 problem
            Response again = post("admin", "/api/incidents/" + intake.incidentId() + "/retry", null);
            assertThat(again.status()).isEqualTo(404);
            assertThat(again.header("Content-Type")).startsWith("application/problem+json");
            assertThat(again.json().get("detail").asText()).contains("No open incident");
        } finally {
            sandbox.setAvailable(true);
        }
    }

    @Test
    void retryingAnIncidentThatDoesNotExistIsANotFoundProblem() {
        Response response = post("admin", "/api/incidents/no-such-incident/retry", null);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).endsWith("/not-found");
        assertThat(response.json().get("requestId").asText()).isNotBlank();
    }

    @ParameterizedTest(name = "GET /api/incidents?{0} -> 422")
    @CsvSource({"page=-1", "size=0", "size=201"})
    void pagingOutsideItsBoundsIsRefused(String query) {
        Response response = get("admin", "/api/incidents?" + query);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @ParameterizedTest(name = "{0} POST retry -> {1}")
    @CsvSource({
            "frontdesk,   403",
            "supervisor,  403",
            "nurse,       403",
            "analyst,     403",
            "compliance,  403",
            "integration, 403",
            "anonymous,   401",
    })
    void onlyAdministratorsMayRetry(String user, int expected) {
        Response response = post("anonymous".equals(user) ? null : user, "/api/incidents/any-incident/retry", null);
        assertThat(response.status()).isEqualTo(expected);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    private static JsonNode itemOf(JsonNode page, String incidentId) {
        for (JsonNode item : page.get("items")) {
            if (incidentId.equals(item.get("id").asText())) {
                return item;
            }
        }
        return null;
    }
}
