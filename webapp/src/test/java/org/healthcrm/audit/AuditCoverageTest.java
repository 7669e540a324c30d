package org.healthcrm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.healthcrm.IntegrationTest;
import org.healthcrm.ScreenSession;
import org.healthcrm.Submissions;
import org.healthcrm.security.Role;
import org.healthcrm.security.UserAccount;
import org.healthcrm.security.UserAccountRepository;
import org.healthcrm.security.UserAccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * Each kind of event lands in the audit trail with who did it, from where and in which request, when a person does
 * it over real HTTP: sign-in through the login form, a failed and a throttled sign-in, sign-out, the page's idle
 * sign-out and the server's session expiry, a refused URL, task claim, assignment, unclaim and completion, a task
 * opened with its patient, an inbox listing patients, a process start and cancellation, a deployment, and a role
 * change on the Users screen.
 */
class AuditCoverageTest extends IntegrationTest {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    @Autowired
    AuditEventRepository events;
    @Autowired
    UserAccountService accounts;
    @Autowired
    UserAccountRepository users;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ServletWebServerApplicationContext webContext;

    @Test
    void signInThroughTheLoginFormIsAuditedWithRolesAddressAndRequest() {
        ScreenSession session = new ScreenSession(url(""));
        HttpResponse<String> login = session.login("frontdesk", PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);

        AuditEvent event = only("frontdesk", "LOGIN", requestIdOf(login));
        assertThat(event.getOutcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
        assertThat(event.getRoles()).isEqualTo("FRONT_DESK");
        assertThat(event.getDetail()).isEqualTo("screen");
        assertLoopback(event.getClientAddress());
        assertThat(event.getPatientId()).isNull();
    }

    @Test
    void failedSignInsAreDeniedWithTheNameAsTypedAndTheCause() {
        String typed = "nobody-" + System.nanoTime() % 100_000;
        HttpResponse<String> screen = new ScreenSession(url("")).login(typed, "whatever-it-was-1");
        assertThat(screen.headers().firstValue("Location").orElse("")).contains("/login.xhtml?failed");
        AuditEvent unknown = only(typed, "LOGIN", requestIdOf(screen));
        assertThat(unknown.getOutcome()).isEqualTo(AuditEvent.Outcome.DENIED);
        assertThat(unknown.getDetail()).isEqualTo("screen; wrong user name or password");
        assertThat(unknown.getRoles()).isNull();
        assertLoopback(unknown.getClientAddress());

        // the API's HTTP Basic goes through the same authentication manager
        String requestId = newRequestId();
        Response api = send(HttpRequest.newBuilder(URI.create(url("/api/tasks"))).header("X-Request-Id", requestId)
                .header("Authorization", basic("nurse", "not-the-password-1")).GET().build());
        assertThat(api.status()).isEqualTo(401);
        AuditEvent wrong = only("nurse", "LOGIN", requestId);
        assertThat(wrong.getOutcome()).isEqualTo(AuditEvent.Outcome.DENIED);
        assertThat(wrong.getDetail()).isEqualTo("api; wrong user name or password");
        // the password is nowhere in the trail
        assertThat(wrong.getDetail() + wrong.getReason() + wrong.getObjectId()).doesNotContain("not-the-password");
    }

    @Test
    void aThrottledSignInIsDeniedAsLockedEvenWithTheRightPassword() {
        String name = "throttled" + System.nanoTime() % 100_000;
        accounts.create(name, "Theo Throttled", PASSWORD, EnumSet.of(Role.NURSE));
        for (int i = 0; i < 5; i++) {
            send(HttpRequest.newBuilder(URI.create(url("/fhir/metadata")))
                    .header("Authorization", basic(name, "wrong-password-" + i)).GET().build());
        }
        String requestId = newRequestId();
        Response locked = send(HttpRequest.newBuilder(URI.create(url("/fhir/metadata"))).header("X-Request-Id", requestId)
                .header("Authorization", basic(name, PASSWORD)).GET().build());
        assertThat(locked.status()).isEqualTo(429);

        AuditEvent event = only(name, "LOGIN", requestId);
        assertThat(event.getOutcome()).isEqualTo(AuditEvent.Outcome.DENIED);
        assertThat(event.getDetail()).isEqualTo("fhir; locked after too many failures");
        assertThat(events.findByUsernameAndActionOrderByIdAsc(name, "LOGIN"))
                .filteredOn(e -> "fhir; wrong user name or password".equals(e.getDetail())).hasSize(5);
    }

    @Test
    void signOutAndThePagesIdleSignOutAreAudited() {
        ScreenSession session = new ScreenSession(url(""));
        session.login("nurse", PASSWORD);
        String token = ScreenSession.csrfToken(session.get("/app/home.xhtml").body());
        HttpResponse<String> logout = session.postForm("/logout", "_csrf=" + token);
        assertThat(logout.headers().firstValue("Location").orElse("")).contains("/login.xhtml?logout");
        AuditEvent signedOut = only("nurse", "LOGOUT", requestIdOf(logout));
        assertThat(signedOut.getOutcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
        assertThat(signedOut.getRoles()).isEqualTo("NURSE");
        assertLoopback(signedOut.getClientAddress());

        // idle-timeout.js posts the sign-out form with reason=timeout when the user has been idle
        ScreenSession idle = new ScreenSession(url(""));
        idle.login("nurse", PASSWORD);
        String idleToken = ScreenSession.csrfToken(idle.get("/app/home.xhtml").body());
        HttpResponse<String> timedOut = idle.postForm("/logout", "_csrf=" + idleToken + "&reason=timeout");
        assertThat(timedOut.headers().firstValue("Location").orElse("")).contains("/login.xhtml?timeout");
        AuditEvent timeout = only("nurse", "SESSION_TIMEOUT", requestIdOf(timedOut));
        assertThat(timeout.getDetail()).isEqualTo("screen: idle, signed out by the page");
        // the session's end is audited once, by the sign-out
        assertThat(events.findByUsernameAndActionOrderByIdAsc("nurse", "SESSION_END"))
                .noneMatch(e -> requestIdOf(timedOut).equals(e.getRequestId()));
    }

    @Test
    void aSessionTheServerExpiresAfterTheIdleTimeoutIsAuditedWithItsSignInAddress() throws Exception {
        String name = "sleeper" + System.nanoTime() % 100_000;
        accounts.create(name, "Sam Sleeper", PASSWORD, EnumSet.of(Role.FRONT_DESK));
        ScreenSession session = new ScreenSession(url(""));
        session.login(name, PASSWORD);
        assertThat(session.get("/app/home.xhtml").statusCode()).isEqualTo(200);

        // as Tomcat's background expiry does, on a thread without a request: a one-second timeout, then the check
        Context context = (Context) ((TomcatWebServer) webContext.getWebServer()).getTomcat().getHost().findChildren()[0];
        Session tomcatSession = context.getManager().findSession(session.sessionId());
        tomcatSession.setMaxInactiveInterval(1);
        Thread.sleep(1_200);
        assertThat(tomcatSession.isValid()).isFalse();

        AuditEvent expired = events.findByUsernameAndActionOrderByIdAsc(name, "SESSION_TIMEOUT").get(0);
        assertThat(expired.getOutcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
        assertThat(expired.getRoles()).isEqualTo("FRONT_DESK");
        assertThat(expired.getDetail()).isEqualTo("screen: idle, expired by the server");
        assertLoopback(expired.getClientAddress());
        assertThat(expired.getRequestId()).isNull();
        assertThat(events.findByUsernameAndActionOrderByIdAsc(name, "SESSION_END")).isEmpty();
    }

    @Test
    void aUrlTheRolesDoNotOpenIsAuditedAsDenied() {
        String requestId = newRequestId();
        Response refused = send("frontdesk", HttpRequest.newBuilder(URI.create(url("/api/incidents")))
                .header("X-Request-Id", requestId).GET());
        assertThat(refused.status()).isEqualTo(403);
        AuditEvent event = only("frontdesk", "ACCESS_DENIED", requestId);
        assertThat(event.getOutcome()).isEqualTo(AuditEvent.Outcome.DENIED);
        assertThat(event.getObjectType()).isEqualTo("Url");
        assertThat(event.getObjectId()).isEqualTo("/api/incidents");
        assertThat(event.getDetail()).isEqualTo("GET");
        assertThat(event.getRoles()).isEqualTo("FRONT_DESK");
        assertLoopback(event.getClientAddress());

        ScreenSession analyst = new ScreenSession(url(""));
        analyst.login("analyst", PASSWORD);
        HttpResponse<String> screen = analyst.get("/app/inbox.xhtml");
        assertThat(screen.statusCode()).isEqualTo(403);
        assertThat(only("analyst", "ACCESS_DENIED", requestIdOf(screen)).getObjectId()).isEqualTo("/app/inbox.xhtml");
    }

    @Test
    void taskClaimAssignUnclaimAndCompleteAreAuditedWithTheirRequest() {
        String clerk = "clerk" + System.nanoTime() % 100_000;
        accounts.create(clerk, "Cleo Clerk", PASSWORD, EnumSet.of(Role.FRONT_DESK));
        String key = "audit-tasks-" + System.nanoTime();

        String startId = newRequestId();
        Response started = send("frontdesk", HttpRequest.newBuilder(URI.create(url("/api/processes/patient-intake/instances")))
                .header("X-Request-Id", startId).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"businessKey\":\"" + key + "\",\"data\":{}}")));
        assertThat(started.status()).isEqualTo(201);
        String instance = started.json().get("id").asText();
        AuditEvent start = only("frontdesk", "PROCESS_START", startId);
        assertThat(start.getObjectType()).isEqualTo("ProcessInstance");
        assertThat(start.getObjectId()).isEqualTo(instance);
        assertThat(start.getDetail()).isEqualTo("patient-intake");
        assertThat(start.getRoles()).isEqualTo("FRONT_DESK");
        assertLoopback(start.getClientAddress());

        String task = taskNamed("frontdesk", key, "Collect demographics").get("id").asText();
        String claimId = newRequestId();
        assertThat(postWithId("frontdesk", "/api/tasks/" + task + "/claim", null, claimId).status()).isEqualTo(200);
        AuditEvent claim = only("frontdesk", "TASK_CLAIM", claimId);
        assertThat(claim.getObjectType()).isEqualTo("Task");
        assertThat(claim.getObjectId()).isEqualTo(task);
        assertThat(claim.getDetail()).isEqualTo("patient-intake/Task_CollectDemographics");
        assertThat(claim.getOutcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
        assertLoopback(claim.getClientAddress());

        String unclaimId = newRequestId();
        assertThat(postWithId("frontdesk", "/api/tasks/" + task + "/unclaim", null, unclaimId).status()).isEqualTo(200);
        assertThat(only("frontdesk", "TASK_UNCLAIM", unclaimId).getObjectId()).isEqualTo(task);

        // a nurse may not touch a front-desk task: refused and audited
        String refusedId = newRequestId();
        assertThat(postWithId("nurse", "/api/tasks/" + task + "/claim", null, refusedId).status()).isEqualTo(403);
        AuditEvent refused = only("nurse", "ACCESS_DENIED", refusedId);
        assertThat(refused.getOutcome()).isEqualTo(AuditEvent.Outcome.DENIED);
        assertThat(refused.getObjectType()).isEqualTo("Task");
        assertThat(refused.getObjectId()).isEqualTo(task);

        String assignId = newRequestId();
        assertThat(postWithId("frontdesk", "/api/tasks/" + task + "/assignee", "{\"assignee\":\"" + clerk + "\"}",
                assignId).status()).isEqualTo(200);
        AuditEvent assign = only("frontdesk", "TASK_ASSIGN", assignId);
        assertThat(assign.getObjectId()).isEqualTo(task);
        assertThat(assign.getDetail()).doesNotContain(clerk);

        String completeId = newRequestId();
        Response completed = postWithId(clerk, "/api/tasks/" + task + "/submission", Submissions.demographics("Audra",
                "Trailson" + letters(), "03/04/1979", Submissions.uniquePhone(), "audra@example.org"), completeId);
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        AuditEvent complete = only(clerk, "TASK_COMPLETE", completeId);
        assertThat(complete.getObjectId()).isEqualTo(task);
        assertThat(complete.getRoles()).isEqualTo("FRONT_DESK");
        assertLoopback(complete.getClientAddress());
        // the intake registers its patient only at its end: its steps before have no patient to name
        assertThat(complete.getPatientId()).isNull();
    }

    @Test
    void aProcessAboutAPatientNamesThePatientWhenStartedOpenedListedAndCancelled() {
        String key = "audit-patient-" + System.nanoTime();
        String intake = registerThroughIntake(key, "Milo", "Pathson" + letters(), "09/10/1965", "milo@example.org",
                false);
        awaitProcessEnd(intake);
        long patientId = patientOf(intake);

        String startId = newRequestId();
        Response started = postWithId("frontdesk", "/api/processes/consent-revocation/instances",
                "{\"businessKey\":\"" + key + "-r\",\"data\":{\"patientId\":" + patientId + "}}", startId);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String revocation = started.json().get("id").asText();
        AuditEvent start = only("frontdesk", "PROCESS_START", startId);
        assertThat(start.getPatientId()).isEqualTo(patientId);
        assertThat(start.getObjectId()).isEqualTo(revocation);
        assertThat(start.getDetail()).isEqualTo("consent-revocation");

        // opening the task shows the patient and the form's data: a read of the patient
        String task = taskNamed("frontdesk", key + "-r", "Record the revocation").get("id").asText();
        String readId = newRequestId();
        assertThat(send("frontdesk", HttpRequest.newBuilder(URI.create(url("/api/tasks/" + task)))
                .header("X-Request-Id", readId).GET()).status()).isEqualTo(200);
        AuditEvent read = only("frontdesk", "TASK_READ", readId);
        assertThat(read.getPatientId()).isEqualTo(patientId);
        assertThat(read.getObjectType()).isEqualTo("Task");
        assertThat(read.getObjectId()).isEqualTo(task);
        assertLoopback(read.getClientAddress());

        String claimId = newRequestId();
        assertThat(postWithId("frontdesk", "/api/tasks/" + task + "/claim", null, claimId).status()).isEqualTo(200);
        assertThat(only("frontdesk", "TASK_CLAIM", claimId).getPatientId()).isEqualTo(patientId);

        // the inbox lists the task with its patient's name: a read of that patient
        ScreenSession inbox = new ScreenSession(url(""));
        inbox.login("frontdesk", PASSWORD);
        HttpResponse<String> page = inbox.get("/app/inbox.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(events.findByUsernameAndActionOrderByIdAsc("frontdesk", "PATIENT_LIST"))
                .filteredOn(e -> requestIdOf(page).equals(e.getRequestId()))
                .extracting(AuditEvent::getPatientId).contains(patientId);

        // an administrator cancels it through the engine: the engine-wide handler audits it
        identityService.setAuthentication("admin", List.of(Role.ADMIN.group()));
        try {
            runtimeService.deleteProcessInstance(revocation, "recorded twice");
        } finally {
            identityService.clearAuthentication();
        }
        AuditEvent cancel = events.findByUsernameAndActionOrderByIdAsc("admin", "PROCESS_CANCEL").stream()
                .filter(e -> revocation.equals(e.getObjectId())).findFirst().orElseThrow();
        assertThat(cancel.getPatientId()).isEqualTo(patientId);
        assertThat(cancel.getRoles()).isEqualTo("ADMIN");
        assertThat(cancel.getDetail()).isEqualTo("consent-revocation");
    }

    @Test
    void deploymentsAreAuditedAtStartAndWhenAPersonDeploys() {
        assertThat(events.findByUsernameAndActionOrderByIdAsc(AuditTrail.SYSTEM_USER, "DEPLOYMENT"))
                .anySatisfy(e -> assertThat(e.getDetail()).startsWith("healthcrm-processes: ").contains("patient-intake v"));

        String key = "audit_probe_" + System.nanoTime();
        var model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent().endEvent().done();
        identityService.setAuthentication("admin", List.of(Role.ADMIN.group()));
        Deployment deployment;
        try {
            deployment = repositoryService.createDeployment().name("audit-probe")
                    .addModelInstance(key + ".bpmn", model).deploy();
        } finally {
            identityService.clearAuthentication();
        }
        try {
            AuditEvent deployed = events.findByUsernameAndActionOrderByIdAsc("admin", "DEPLOYMENT").stream()
                    .filter(e -> deployment.getId().equals(e.getObjectId())).findFirst().orElseThrow();
            assertThat(deployed.getDetail()).isEqualTo("audit-probe: " + key + " v1");
            assertThat(deployed.getObjectType()).isEqualTo("Deployment");
            assertThat(deployed.getOutcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void anAdministratorChangingRolesOnTheUsersScreenIsAudited() {
        String name = "0role" + System.nanoTime() % 100_000;
        UserAccount account = accounts.create(name, "Rory Roles", PASSWORD, EnumSet.of(Role.FRONT_DESK));
        AuditEvent created = events.findByUsernameAndActionOrderByIdAsc(AuditTrail.SYSTEM_USER, "USER_CREATE").stream()
                .filter(e -> account.getId().toString().equals(e.getObjectId())).findFirst().orElseThrow();
        assertThat(created.getDetail()).isEqualTo("username " + name + "; roles FRONT_DESK");

        ScreenSession admin = new ScreenSession(url(""));
        admin.login("admin", PASSWORD);
        String page = admin.get("/admin/users.xhtml").body();
        String csrf = ScreenSession.csrfToken(page);
        String viewState = viewState(page);
        Matcher row = Pattern.compile("<tr[^>]*>((?:(?!</tr>).)*user-username\">" + name + "<(?:(?!</tr>).)*)</tr>",
                Pattern.DOTALL).matcher(page);
        assertThat(row.find()).as("the new user is on the first page of the Users screen").isTrue();
        Matcher edit = Pattern.compile("<button id=\"([^\"]+)\" name=\"[^\"]+\" class=\"[^\"]*edit-user").matcher(row.group(1));
        assertThat(edit.find()).isTrue();
        String editButton = edit.group(1);

        // Edit (as PrimeFaces posts it), then Save with Nurse added
        HttpResponse<String> opened = admin.send(ajax("/admin/users.xhtml", form(
                "jakarta.faces.partial.ajax", "true", "jakarta.faces.source", editButton,
                "jakarta.faces.partial.execute", editButton, "jakarta.faces.partial.render", "userForm",
                editButton, editButton, "usersForm", "usersForm", "_csrf", csrf, "jakarta.faces.ViewState", viewState)));
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains("Rory Roles");
        HttpResponse<String> saved = admin.send(ajax("/admin/users.xhtml", form(
                "jakarta.faces.partial.ajax", "true", "jakarta.faces.source", "userForm:saveUser",
                "jakarta.faces.partial.execute", "userForm", "jakarta.faces.partial.render", "userForm",
                "userForm", "userForm", "userForm:displayName", "Rory Roles", "userForm:roles", "FRONT_DESK",
                "userForm:roles", "NURSE", "userForm:password", "", "userForm:saveUser", "userForm:saveUser",
                "_csrf", csrf, "jakarta.faces.ViewState", viewState)));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(users.findByUsername(name).orElseThrow().getRoles()).containsExactlyInAnyOrder(Role.FRONT_DESK, Role.NURSE);

        AuditEvent changed = only("admin", "USER_ROLES_CHANGE", requestIdOf(saved));
        assertThat(changed.getObjectType()).isEqualTo("UserAccount");
        assertThat(changed.getObjectId()).isEqualTo(account.getId().toString());
        assertThat(changed.getDetail()).isEqualTo("username " + name + "; roles FRONT_DESK -> FRONT_DESK,NURSE");
        assertThat(changed.getRoles()).isEqualTo("ADMIN");
        assertThat(changed.getOutcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
        assertLoopback(changed.getClientAddress());
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** The one event of that user and action written in that request. */
    private AuditEvent only(String user, String action, String requestId) {
        List<AuditEvent> found = events.findByUsernameAndActionOrderByIdAsc(user, action).stream()
                .filter(e -> requestId.equals(e.getRequestId())).toList();
        assertThat(found).as(action + " of " + user + " in request " + requestId).hasSize(1);
        return found.get(0);
    }

    private Response postWithId(String user, String path, String json, String requestId) {
        return send(user, HttpRequest.newBuilder(URI.create(url(path))).header("X-Request-Id", requestId)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
    }

    private long patientOf(String processInstanceId) {
        HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).variableName("patientId").singleResult();
        assertThat(variable).as("the intake registered its patient").isNotNull();
        return ((Number) variable.getValue()).longValue();
    }

    /** Letters that make a family name unique, so that the intake finds no duplicate. */
    private static String letters() {
        String digits = Long.toString(System.nanoTime() % 100_000_000);
        StringBuilder letters = new StringBuilder();
        digits.chars().forEach(c -> letters.append((char) ('a' + (c - '0'))));
        return letters.toString();
    }

    private static String newRequestId() {
        return "audit-" + UUID.randomUUID();
    }

    private static String requestIdOf(HttpResponse<String> response) {
        return response.headers().firstValue("X-Request-Id").orElseThrow();
    }

    private static void assertLoopback(String address) {
        assertThat(address).isNotNull();
        try {
            assertThat(InetAddress.getByName(address).isLoopbackAddress()).as(address).isTrue();
        } catch (UnknownHostException e) {
            throw new AssertionError(address, e);
        }
    }

    private static String viewState(String html) {
        Matcher m = VIEW_STATE.matcher(html);
        assertThat(m.find()).as("the page has a view state").isTrue();
        return m.group(1);
    }

    private HttpRequest ajax(String path, String form) {
        return HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Faces-Request", "partial/ajax")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }
}
