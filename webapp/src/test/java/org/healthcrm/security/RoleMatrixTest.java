package org.healthcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.healthcrm.IntegrationTest;
import org.healthcrm.ScreenSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each role against each group of endpoints and screens: allowed or denied, and anonymous callers. */
class RoleMatrixTest extends IntegrationTest {

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @CsvSource({
            // task API: people who work tasks
            "frontdesk,   /api/tasks,               200",
            "nurse,       /api/tasks,               200",
            "admin,       /api/tasks,               200",
            "analyst,     /api/tasks,               403",
            "compliance,  /api/tasks,               403",
            "integration, /api/tasks,               403",
            "anonymous,   /api/tasks,               401",
            // process API: people who start processes, and the integration account
            "frontdesk,   /api/processes,           200",
            "nurse,       /api/processes,           200",
            "admin,       /api/processes,           200",
            "integration, /api/processes,           200",
            "analyst,     /api/processes,           403",
            "compliance,  /api/processes,           403",
            "anonymous,   /api/processes,           401",
            // API description: any signed-in user
            "frontdesk,   /api/docs,                200",
            "compliance,  /api/docs,                200",
            "anonymous,   /api/docs,                401",
            // operations
            "anonymous,   /actuator/health,         200",
            "admin,       /actuator/prometheus,     200",
            "frontdesk,   /actuator/prometheus,     403",
            "integration, /actuator/prometheus,     403",
            "anonymous,   /actuator/prometheus,     401",
            "frontdesk,   /actuator/env,            403",
            // incidents: administrators only
            "admin,       /api/incidents,           200",
            "frontdesk,   /api/incidents,           403",
            "supervisor,  /api/incidents,           403",
            "nurse,       /api/incidents,           403",
            "analyst,     /api/incidents,           403",
            "compliance,  /api/incidents,           403",
            "integration, /api/incidents,           403",
            "anonymous,   /api/incidents,           401",
            // unknown API paths are denied, not leaked
            "frontdesk,   /api/unknown,             403",
    })
    void api(String user, String path, int expected) {
        Response response = get("anonymous".equals(user) ? null : user, path);
        assertThat(response.status()).as(response.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @ParameterizedTest(name = "{0} starts patient-intake -> {1}")
    @CsvSource({
            "frontdesk,   201",
            "integration, 201",
            "nurse,       403",
            "admin,       403",
            "analyst,     403",
            "compliance,  403",
    })
    void processStart(String user, int expected) {
        Response response = post(user, "/api/processes/patient-intake/instances", "{\"data\":{}}");
        assertThat(response.status()).as(response.body()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} opens {1} -> {2}")
    @CsvSource({
            "frontdesk,   /app/inbox.xhtml,  200",
            "nurse,       /app/inbox.xhtml,  200",
            "admin,       /app/inbox.xhtml,  200",
            "analyst,     /app/inbox.xhtml,  403",
            "compliance,  /app/inbox.xhtml,  403",
            "frontdesk,   /app/start.xhtml,  200",
            "analyst,     /app/start.xhtml,  403",
            "analyst,     /app/home.xhtml,   200",
            "compliance,  /app/home.xhtml,   200",
            "integration, /app/home.xhtml,   403",
            "admin,       /admin/users.xhtml, 200",
            "frontdesk,   /admin/users.xhtml, 403",
            "nurse,       /admin/users.xhtml, 403",
            "analyst,     /admin/users.xhtml, 403",
            "compliance,  /admin/users.xhtml, 403",
            "admin,       /admin/incidents.xhtml, 200",
            "frontdesk,   /admin/incidents.xhtml, 403",
            "supervisor,  /admin/incidents.xhtml, 403",
            "nurse,       /admin/incidents.xhtml, 403",
            "analyst,     /admin/incidents.xhtml, 403",
            "compliance,  /admin/incidents.xhtml, 403",
            "integration, /admin/incidents.xhtml, 403",
            // the engine's own REST API and webapps are not exposed at all
            "admin,       /engine-rest/engine, 403",
            "admin,       /camunda/app/cockpit/, 403",
    })
    void screens(String user, String path, int expected) {
        ScreenSession session = new ScreenSession(url(""));
        HttpResponse<String> login = session.login(user, PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/app/home.xhtml");
        assertThat(session.get(path).statusCode()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "anonymous opens {0} -> login")
    @CsvSource({"/app/inbox.xhtml", "/app/task.xhtml", "/admin/users.xhtml", "/admin/incidents.xhtml", "/app/home.xhtml"})
    void anonymousScreensRedirectToLogin(String path) {
        HttpResponse<String> response = new ScreenSession(url("")).get(path);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).contains("/login.xhtml");
    }
}
