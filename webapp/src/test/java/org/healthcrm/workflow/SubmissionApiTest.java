package org.healthcrm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RuntimeService;
import org.healthcrm.IntegrationTest;
import org.healthcrm.Submissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Submissions through the API as an outside client would send them: every kind of bad input gets 422 naming the
 * field and changes nothing; a valid one completes the task and leaves a PDF whose text shows what was submitted.
 */
class SubmissionApiTest extends IntegrationTest {

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    JdbcTemplate jdbc;

    private ObjectNode validData(String given, String family) {
        try {
            return (ObjectNode) objectMapper.readTree(Submissions.demographics(given, family)).get("data");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            number where text is expected      | givenName         | NUMBER
            value outside the listed options   | administrativeSex | robot
            missing required field             | familyName        | MISSING
            field not in the form              | favouriteColour   | blue
            one megabyte string                | genderIdentity    | ONE_MEGABYTE
            script in a text field             | givenName         | <script>alert('x')</script>
            markup in a text field             | familyName        | <b>Bold</b>
            malformed date                     | dateOfBirth       | 31/31/1999
            malformed e-mail                   | email             | not-an-email
            state not two letters              | state             | Maine
            """)
    void invalidSubmissionIsRefusedWithTheFieldNamedAndChangesNothing(String name, String field, String value) {
        String taskId = startIntakeAndGetFirstTask("invalid-" + Math.abs(name.hashCode()) + "-" + System.nanoTime());
        String instanceId = get("frontdesk", "/api/tasks/" + taskId).json().get("task").get("processInstanceId").asText();
        ObjectNode data = validData("Mei", "Chen");
        ObjectNode target = List.of("line1", "city", "state", "postalCode").contains(field)
                ? (ObjectNode) data.get("address") : data;
        switch (value) {
            case "NUMBER" -> target.put(field, 12345);
            case "MISSING" -> target.remove(field);
            case "ONE_MEGABYTE" -> target.put(field, "x".repeat(1024 * 1024));
            default -> target.put(field, value);
        }
        String body = "{\"data\":" + data + "}";

        Response response = post("frontdesk", "/api/tasks/" + taskId + "/submission", body);

        assertThat(response.status()).as(name).isEqualTo(422);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        List<String> paths = new ArrayList<>();
        response.json().get("errors").forEach(error -> paths.add(error.get("path").asText()));
        String expectedPath = target == data ? field : "address." + field;
        assertThat(paths).as(name).contains(expectedPath);
        assertThat(response.body()).doesNotContain("<script>").doesNotContain("xxxxxxxxxx");
        // nothing changed: the task is still open and unassigned, no variable was written
        JsonNode task = get("frontdesk", "/api/tasks/" + taskId).json().get("task");
        assertThat(task.has("assignee")).isFalse();
        assertThat(runtimeService.getVariable(instanceId, "familyName")).isNull();
    }

    @Test
    void validSubmissionCompletesTheTaskAndItsPdfShowsWhatWasSubmitted() throws Exception {
        String taskId = startIntakeAndGetFirstTask("pdf-" + System.nanoTime());
        ObjectNode data = validData("Łukasz", "Żółć");
        data.put("genderIdentity", "BP < 120 & \"quoted\"");
        Response submitted = post("frontdesk", "/api/tasks/" + taskId + "/submission", "{\"data\":" + data + "}");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        long documentId = submitted.json().get("documentId").asLong();

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/documents/" + documentId)))
                .header("Authorization", basic("compliance", PASSWORD)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf.body()));
        assertThat(pdf.headers().firstValue("X-Content-SHA256")).hasValue(sha256);

        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Łukasz").contains("Żółć").contains("BP < 120 & \"quoted\"")
                    .contains("12 Harbor Street").contains("frontdesk").contains("Collect demographics");
        }
        // documents are not for every role
        assertThat(get("analyst", "/api/documents/" + documentId).status()).isEqualTo(403);
        assertThat(get("integration", "/api/documents/" + documentId).status()).isEqualTo(403);
    }

    @Test
    void bodiesOverTheLimitAreRefusedWith413() {
        String taskId = startIntakeAndGetFirstTask("huge-" + System.nanoTime());
        Response response = post("frontdesk", "/api/tasks/" + taskId + "/submission",
                "{\"data\":{\"givenName\":\"" + "x".repeat(6 * 1024 * 1024) + "\"}}");
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(get("frontdesk", "/api/tasks/" + taskId).json().get("task").has("assignee")).isFalse();
    }

    @Test
    void draftIsKeptUnvalidatedForItsAuthorOnlyAndDiscardedOnSubmission() {
        String taskId = startIntakeAndGetFirstTask("draft-" + System.nanoTime());
        Response saved = send("frontdesk", HttpRequest.newBuilder(URI.create(url("/api/tasks/" + taskId + "/draft")))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"data\":{\"givenName\":\"Amara\",\"state\":\"unfinished\"}}")));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("savedAt").asText()).isNotBlank();

        JsonNode mine = get("frontdesk", "/api/tasks/" + taskId).json();
        assertThat(mine.get("data").get("givenName").asText()).isEqualTo("Amara");
        assertThat(mine.get("draftSavedAt").asText()).isNotBlank();

        assertThat(jdbc.queryForObject("select count(*) from task_draft where task_id = ?", Integer.class, taskId))
                .isEqualTo(1);
        assertThat(post("frontdesk", "/api/tasks/" + taskId + "/submission",
                Submissions.demographics("Amara", "Okafor")).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from task_draft where task_id = ?", Integer.class, taskId))
                .as("the draft goes with the submission").isZero();
    }
}
