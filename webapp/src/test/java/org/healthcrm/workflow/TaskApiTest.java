package org.healthcrm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.healthcrm.IntegrationTest;
import org.healthcrm.Submissions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The task API as a client uses it: list, open, claim, submit; and each way it refuses. */
class TaskApiTest extends IntegrationTest {

    /** A family name no other test registers, so the duplicate check finds nobody. */
    private static final String FAMILY = "Ångström" + System.nanoTime() % 1_000_000;
    private static final String VALID_DEMOGRAPHICS = Submissions.demographics("Zoë", FAMILY);

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @Autowired
    org.healthcrm.security.UserAccountService accounts;

    @Autowired
    org.healthcrm.security.UserAccountRepository users;

    @Test
    void startedIntakeShowsItsFirstTaskInTheFrontDeskInbox() {
        Response started = post("frontdesk", "/api/processes/patient-intake/instances",
                "{\"businessKey\":\"api-inbox-1\",\"data\":{}}");
        assertThat(started.status()).isEqualTo(201);
        assertThat(started.header("Location")).contains("/api/processes/patient-intake/instances/");
        String instanceId = started.json().get("id").asText();

        JsonNode item = findTask(get("frontdesk", "/api/tasks?size=200").json(), "api-inbox-1");
        assertThat(item.get("name").asText()).isEqualTo("Collect demographics");
        assertThat(item.get("processKey").asText()).isEqualTo("patient-intake");
        assertThat(item.get("created").asText()).isNotBlank();
        assertThat(item.get("due").asText()).isNotBlank();
        assertThat(item.has("assignee")).isFalse();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count()).isEqualTo(1);

        // not offered to nurses
        assertThat(findTaskOrNull(get("nurse", "/api/tasks?size=200").json(), "api-inbox-1")).isNull();
    }

    @Test
    void taskShowsItsFormAndIsCompletedByAValidSubmission() {
        String taskId = startIntakeAndGetFirstTask("api-submit-1");

        Response task = get("frontdesk", "/api/tasks/" + taskId);
        assertThat(task.status()).isEqualTo(200);
        JsonNode form = task.json().get("form");
        assertThat(form.get("components").isArray()).isTrue();
        assertThat(form.toString()).contains("givenName").contains("familyName");
        assertThat(task.json().get("task").get("name").asText()).isEqualTo("Collect demographics");

        Response submitted = post("frontdesk", "/api/tasks/" + taskId + "/submission", VALID_DEMOGRAPHICS);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        String instanceId = submitted.json().get("processInstanceId").asText();
        // what the process branches on is a variable; the patient's name is not (the engine's tables are not
        // encrypted): it is in the encrypted submission archive only
        assertThat(runtimeService.getVariable(instanceId, "service")).isEqualTo("primaryCare");
        assertThat(runtimeService.getVariables(instanceId)).doesNotContainKeys("familyName", "givenName", "dateOfBirth",
                "phone", "address");

        // the next step is waiting, and the completed task cannot be submitted again
        assertThat(findTask(get("frontdesk", "/api/tasks?size=200").json(), "api-submit-1").get("name").asText())
                .isEqualTo("Collect health history");
        Response again = post("frontdesk", "/api/tasks/" + taskId + "/submission", VALID_DEMOGRAPHICS);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void invalidSubmissionGets422WithTheFieldsAndChangesNothing() {
        String taskId = startIntakeAndGetFirstTask("api-invalid-1");
        String instanceId = get("frontdesk", "/api/tasks/" + taskId).json().get("task").get("processInstanceId").asText();

        Response missing = post("frontdesk", "/api/tasks/" + taskId + "/submission",
                "{\"data\": {\"givenName\": \"Mei\", \"notAField\": \"x\"}}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        List<String> paths = new ArrayList<>();
        missing.json().get("errors").forEach(error -> paths.add(error.get("path").asText()));
        assertThat(paths).contains("familyName", "notAField");
        assertThat(missing.json().get("requestId").asText()).isEqualTo(missing.header("X-Request-Id"));

        // nothing changed: still open, unassigned, no variables written
        JsonNode task = get("frontdesk", "/api/tasks/" + taskId).json().get("task");
        assertThat(task.has("assignee")).isFalse();
        assertThat(runtimeService.getVariable(instanceId, "givenName")).isNull();
    }

    @Test
    void malformedJsonGets400ProblemWithoutDetailsOfTheParser() {
        String taskId = startIntakeAndGetFirstTask("api-malformed-1");
        Response response = post("frontdesk", "/api/tasks/" + taskId + "/submission", "{\"data\": {");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("jackson").doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void claimedTaskIsMineAndOthersGet409() {
        String taskId = startIntakeAndGetFirstTask("api-claim-1");
        Response claimed = post("frontdesk", "/api/tasks/" + taskId + "/claim", null);
        assertThat(claimed.status()).isEqualTo(200);
        assertThat(claimed.json().get("assignee").asText()).isEqualTo("frontdesk");
        assertThat(findTask(get("frontdesk", "/api/tasks?mine=true&size=200").json(), "api-claim-1")).isNotNull();

        // admin may see front-desk work only when offered to ADMIN: this task is not
        Response other = post("admin", "/api/tasks/" + taskId + "/claim", null);
        assertThat(other.status()).isEqualTo(403);
    }

    @Test
    void taskIsReleasedAndAssignedToAColleagueWithTheRightRole() {
        if (!users.existsByUsername("frontdesk3")) {
            accounts.create("frontdesk3", "Third Front-Desk", PASSWORD, java.util.EnumSet.of(org.healthcrm.security.Role.FRONT_DESK));
        }
        String taskId = startIntakeAndGetFirstTask("api-assign-" + System.nanoTime());
        assertThat(post("frontdesk", "/api/tasks/" + taskId + "/claim", null).status()).isEqualTo(200);
        Response released = post("frontdesk", "/api/tasks/" + taskId + "/unclaim", null);
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.json().has("assignee")).isFalse();

        Response wrongRole = post("frontdesk", "/api/tasks/" + taskId + "/assignee", "{\"assignee\": \"nurse\"}");
        assertThat(wrongRole.status()).isEqualTo(422);
        assertThat(wrongRole.json().get("errors").get(0).get("path").asText()).isEqualTo("assignee");
        assertThat(post("frontdesk", "/api/tasks/" + taskId + "/assignee", "{\"assignee\": \"nobody-here\"}").status())
                .isEqualTo(422);

        Response assigned = post("frontdesk", "/api/tasks/" + taskId + "/assignee", "{\"assignee\": \"frontdesk3\"}");
        assertThat(assigned.status()).isEqualTo(200);
        assertThat(assigned.json().get("assignee").asText()).isEqualTo("frontdesk3");
        // now it is the colleague's: I may read it but not claim or submit it
        assertThat(post("frontdesk", "/api/tasks/" + taskId + "/claim", null).status()).isEqualTo(409);
        assertThat(get("frontdesk", "/api/tasks/" + taskId).json().get("workable").asBoolean()).isFalse();
    }

    @Test
    void submissionByAUserWhoseRolesTheTaskIsNotOfferedToGets403() {
        String taskId = startIntakeAndGetFirstTask("api-forbidden-1");
        Response response = post("nurse", "/api/tasks/" + taskId + "/submission", VALID_DEMOGRAPHICS);
        assertThat(response.status()).isEqualTo(403);
        assertThat(get("frontdesk", "/api/tasks/" + taskId).status()).isEqualTo(200);
    }

    @Test
    void unknownTaskAndUnknownProcessGet404() {
        assertThat(get("frontdesk", "/api/tasks/does-not-exist").status()).isEqualTo(404);
        assertThat(post("frontdesk", "/api/processes/no-such-process/instances", "{}").status()).isEqualTo(404);
    }

    @Test
    void wrongMethodMediaTypeAndPathAreProblemsToo() {
        Response method = send("frontdesk", java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/tasks"))).DELETE());
        assertThat(method.status()).isEqualTo(405);
        Response mediaType = send("frontdesk", java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/tasks/x/submission")))
                .header("Content-Type", "text/plain").POST(java.net.http.HttpRequest.BodyPublishers.ofString("hello")));
        assertThat(mediaType.status()).isEqualTo(415);
        Response path = get("frontdesk", "/api/tasks/a/b/c");
        assertThat(path.status()).isEqualTo(404);
        for (Response response : List.of(method, mediaType, path)) {
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("requestId").asText()).isEqualTo(response.header("X-Request-Id"));
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
        }
    }

    @Test
    void startDataOtherThanAnExistingPatientIsRefused() {
        Response unknownField = post("frontdesk", "/api/processes/patient-intake/instances",
                "{\"data\": {\"initiator\": \"someone-else\"}}");
        assertThat(unknownField.status()).isEqualTo(422);
        assertThat(unknownField.body()).contains("initiator");
        Response noSuchPatient = post("frontdesk", "/api/processes/patient-intake/instances",
                "{\"data\": {\"patientId\": 999999999}}");
        assertThat(noSuchPatient.status()).isEqualTo(422);
        assertThat(noSuchPatient.body()).contains("patientId");
        Response existing = post("frontdesk", "/api/processes/patient-intake/instances", "{\"data\": {\"patientId\": 1}}");
        assertThat(existing.status()).isEqualTo(201);
        assertThat(runtimeService.getVariable(existing.json().get("id").asText(), "patientId")).isEqualTo(1L);
    }

    @Test
    void pagingIsServerSide() {
        for (int i = 0; i < 3; i++) {
            startIntakeAndGetFirstTask("api-page-" + i);
        }
        JsonNode page0 = get("frontdesk", "/api/tasks?size=2&page=0").json();
        JsonNode page1 = get("frontdesk", "/api/tasks?size=2&page=1").json();
        assertThat(page0.get("items")).hasSize(2);
        assertThat(page0.get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(page1.get("items").get(0).get("id").asText())
                .isNotIn(page0.get("items").get(0).get("id").asText(), page0.get("items").get(1).get("id").asText());
        assertThat(get("frontdesk", "/api/tasks?size=500").status()).isEqualTo(422);
        assertThat(get("frontdesk", "/api/tasks?group=NURSE").status()).isEqualTo(403);
    }

    static JsonNode findTask(JsonNode page, String businessKey) {
        JsonNode found = findTaskOrNull(page, businessKey);
        assertThat(found).as("task of " + businessKey + " in " + page).isNotNull();
        return found;
    }

    static JsonNode findTaskOrNull(JsonNode page, String businessKey) {
        for (JsonNode item : page.get("items")) {
            if (businessKey.equals(item.path("businessKey").asText())) {
                return item;
            }
        }
        return null;
    }
}
