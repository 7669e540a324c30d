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
