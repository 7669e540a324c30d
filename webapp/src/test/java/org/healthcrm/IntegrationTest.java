package org.healthcrm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.healthcrm.demo.DemoData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context the integration tests share: the whole application on a random port, on a fresh embedded
 * MariaDB under target/, with the demo users. Tests talk to it over real HTTP as the users would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"healthcrm.data-dir=target/it-data", "healthcrm.login.max-failures=5"})
@ActiveProfiles({"demo", "it"})
@AutoConfigureObservability
public abstract class IntegrationTest {

    protected static final String PASSWORD = DemoData.PASSWORD;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    static {
        // every test run starts from an empty database: the shared context creates it once per JVM
        TestFiles.deleteRecursively(java.nio.file.Path.of("target/it-data"));
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected ObjectMapper objectMapper;
    @Autowired
    protected HistoryService historyService;

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected Response get(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    protected Response post(String user, String path, String json) {
        return send(user, HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
    }

    protected Response send(String user, HttpRequest.Builder request) {
        if (user != null) {
            request.header("Authorization", basic(user, PASSWORD));
        }
        return send(request.timeout(Duration.ofSeconds(60)).build());
    }

    protected Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response, objectMapper);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Starts a patient intake as front desk and returns its process instance id. */
    protected String startIntake(String businessKey) {
        Response started = post("frontdesk", "/api/processes/patient-intake/instances",
                "{\"businessKey\":\"" + businessKey + "\",\"data\":{}}");
        if (started.status() != 201) {
            throw new IllegalStateException("Could not start an intake: " + started.status() + " " + started.body());
        }
        return started.json().get("id").asText();
    }

    /** The open task of that name in the process with that business key, as the user's inbox lists it; or null. */
    protected JsonNode taskNamed(String user, String businessKey, String name) {
        for (JsonNode task : get(user, "/api/tasks?size=200").json().get("items")) {
            if (businessKey.equals(task.path("businessKey").asText()) && name.equals(task.path("name").asText())) {
                return task;
            }
        }
        return null;
    }

    /** Completes the named task with the submission through the API, as that user; fails unless it is accepted. */
    protected void submitTask(String user, String businessKey, String taskName, String body) {
        JsonNode task = taskNamed(user, businessKey, taskName);
        if (task == null) {
            throw new AssertionError("no open task '" + taskName + "' of " + businessKey + " for " + user);
        }
        Response response = post(user, "/api/tasks/" + task.get("id").asText() + "/submission", body);
        if (response.status() != 200) {
            throw new AssertionError(taskName + ": " + response.status() + " " + response.body());
        }
    }

    /**
     * A whole adult intake as the front desk: demographics, health history, consents signed by the patient (e-mail
     * contact as asked), insurance, review. Returns the process instance id; the EHR push and e-mail follow as jobs.
     */
    protected String registerThroughIntake(String businessKey, String givenName, String familyName, String dateOfBirth,
                                           String email, boolean emailConsent) {
        String instance = startIntake(businessKey);
        submitTask("frontdesk", businessKey, "Collect demographics",
                Submissions.demographics(givenName, familyName, dateOfBirth, Submissions.uniquePhone(), email));
        submitTask("frontdesk", businessKey, "Collect health history", Submissions.healthHistory(false));
        submitTask("frontdesk", businessKey, "Collect consents",
                Submissions.consentsByPatient(givenName + " " + familyName, emailConsent));
        submitTask("frontdesk", businessKey, "Collect insurance or payment", Submissions.insurance());
        submitTask("frontdesk", businessKey, "Review registration", Submissions.review());
        return instance;
    }

    /** Waits (up to a minute) until the process instance has ended: its asynchronous jobs have run. */
    protected void awaitProcessEnd(String instanceId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).finished().count() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("process instance " + instanceId + " did not end within a minute");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Starts a patient intake as front desk and returns the id of its first task. */
    protected String startIntakeAndGetFirstTask(String businessKey) {
        Response started = post("frontdesk", "/api/processes/patient-intake/instances",
                "{\"businessKey\":\"" + businessKey + "\",\"data\":{}}");
        if (started.status() != 201) {
            throw new IllegalStateException("Could not start an intake: " + started.status() + " " + started.body());
        }
        String instanceId = started.json().get("id").asText();
        Response tasks = get("frontdesk", "/api/tasks?size=200");
        for (JsonNode task : tasks.json().get("items")) {
            if (businessKey.equals(task.path("businessKey").asText())) {
                return task.get("id").asText();
            }
        }
        throw new IllegalStateException("No task found for intake " + instanceId);
    }

    public record Response(HttpResponse<String> raw, ObjectMapper objectMapper) {
        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return objectMapper.readTree(raw.body());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Not JSON: " + raw.body(), e);
            }
        }
    }
}
