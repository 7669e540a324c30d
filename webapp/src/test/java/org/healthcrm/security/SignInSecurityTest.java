package org.healthcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.healthcrm.platform.HealthCrmProperties;

import org.healthcrm.IntegrationTest;
import org.healthcrm.ScreenSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Sign-in, sessions and throttling as a user (or an attacker) meets them. */
class SignInSecurityTest extends IntegrationTest {

    @Autowired
    UserAccountService accounts;

    @Autowired
    UserAccountRepository users;

    @Test
    void fiveWrongPasswordsInARowLockTheUserNameEvenForTheRightPassword() {
        accounts.create("locktest", "Lock Test", PASSWORD, java.util.EnumSet.of(Role.FRONT_DESK));
        for (int i = 0; i < 5; i++) {
            Response wrong = send(HttpRequest.newBuilder(URI.create(url("/api/tasks")))
                    .header("Authorization", basic("locktest", "wrong-password-" + i)).GET().build());
            assertThat(wrong.status()).isEqualTo(401);
        }
        Response locked = send(HttpRequest.newBuilder(URI.create(url("/api/tasks")))
                .header("Authorization", basic("locktest", PASSWORD)).GET().build());
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).isNotNull();
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 15L * 60);
        assertThat(locked.header("Content-Type")).startsWith("application/problem+json");

        // the screens say so too
        HttpResponse<String> screen = new ScreenSession(url("")).login("locktest", PASSWORD);
        assertThat(screen.headers().firstValue("Location").orElse("")).contains("/login.xhtml?locked");
    }

    @Test
    void loginGivesANewHttpOnlySameSiteSessionCookie() {
        ScreenSession session = new ScreenSession(url(""));
        HttpResponse<String> loginPage = session.get("/login.xhtml");
        assertThat(loginPage.statusCode()).isEqualTo(200);
        String before = session.sessionId();
        HttpResponse<String> login = session.login("frontdesk", PASSWORD);
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("HEALTHCRM_SESSION=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
        assertThat(session.sessionId()).isNotNull().isNotEqualTo(before);
    }

    @Test
    void wrongPasswordOnTheLoginScreenSaysSoWithoutSayingWhichPart() {
        HttpResponse<String> login = new ScreenSession(url("")).login("nurse", "not-the-password");
        assertThat(login.headers().firstValue("Location").orElse("")).contains("/login.xhtml?failed");
    }

    @Test
    void deactivatedUserCannotSignInAndTheirOpenSessionEnds() {
        UserAccount account = accounts.create("leaver", "Lee Leaver", PASSWORD, java.util.EnumSet.of(Role.NURSE));
        assertThat(get("leaver", "/api/tasks").status()).isEqualTo(200);
        ScreenSession open = new ScreenSession(url(""));
        open.login("leaver", PASSWORD);
        assertThat(open.get("/app/inbox.xhtml").statusCode()).isEqualTo(200);

        accounts.deactivate(account.getId());

        assertThat(get("leaver", "/api/tasks").status()).isEqualTo(401);
        HttpResponse<String> afterwards = open.get("/app/inbox.xhtml");
        assertThat(afterwards.statusCode()).isEqualTo(302);
        assertThat(afterwards.headers().firstValue("Location").orElse("")).contains("/login.xhtml?ended");
        assertThat(users.findByUsername("leaver")).isPresent();
    }

    @Test
    void roleChangeEndsTheSessionSignedInWithTheOldRoles() {
        UserAccount account = accounts.create("mover", "Mo Mover", PASSWORD, java.util.EnumSet.of(Role.FRONT_DESK));
        ScreenSession open = new ScreenSession(url(""));
        open.login("mover", PASSWORD);
        assertThat(open.get("/app/inbox.xhtml").statusCode()).isEqualTo(200);
        accounts.update(account.getId(), "Mo Mover", java.util.EnumSet.of(Role.ANALYST));
        assertThat(open.get("/app/inbox.xhtml").statusCode()).isEqualTo(302);
        ScreenSession again = new ScreenSession(url(""));
        again.login("mover", PASSWORD);
        assertThat(again.get("/app/inbox.xhtml").statusCode()).isEqualTo(403);
    }

    @Test
    void firstAdministratorIsCreatedOnlyWhileNoAdministratorExists() {
        HealthCrmProperties properties = new HealthCrmProperties();
        properties.getFirstAdmin().setUsername("firstadmin");
        properties.getFirstAdmin().setPassword("Install-Time-Secret-42");
        FirstAdministrator first = new FirstAdministrator(properties, users, accounts);

        first.createIfNoAdministratorExists();
        assertThat(users.findByUsername("firstadmin")).as("an administrator exists already").isEmpty();

        List<UserAccount> admins = users.findAll().stream()
                .filter(u -> u.isActive() && u.getRoles().contains(Role.ADMIN)).toList();
        admins.forEach(admin -> accounts.deactivate(admin.getId()));
        try {
            first.createIfNoAdministratorExists();
            UserAccount created = users.findByUsername("firstadmin").orElseThrow();
            assertThat(created.getRoles()).containsExactly(Role.ADMIN);
            assertThat(get("firstadmin", "/actuator/prometheus").status()).isEqualTo(401);
            assertThat(send(HttpRequest.newBuilder(URI.create(url("/actuator/prometheus")))
                    .header("Authorization", basic("firstadmin", "Install-Time-Secret-42")).GET().build()).status())
                    .isEqualTo(200);
            accounts.deactivate(created.getId());
        } finally {
            admins.forEach(admin -> accounts.reactivate(admin.getId()));
        }
    }

    @Test
    void screenPostsWithoutTheCsrfTokenAreRefused() {
        ScreenSession session = new ScreenSession(url(""));
        session.login("frontdesk", PASSWORD);
        assertThat(session.get("/app/home.xhtml").statusCode()).isEqualTo(200);
        HttpResponse<String> forged = session.postForm("/logout", "_csrf=forged-token");
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> missing = session.postForm("/logout", "");
        assertThat(missing.headers().firstValue("Location").orElse("")).doesNotContain("logout");
        assertThat(session.get("/app/inbox.xhtml").statusCode()).isEqualTo(200);
    }

    @Test
    void logoutEndsTheSession() {
        ScreenSession session = new ScreenSession(url(""));
        session.login("frontdesk", PASSWORD);
        String token = ScreenSession.csrfToken(session.get("/app/home.xhtml").body());
        HttpResponse<String> logout = session.postForm("/logout", "_csrf=" + token);
        assertThat(logout.headers().firstValue("Location").orElse("")).contains("/login.xhtml?logout");
        assertThat(session.get("/app/inbox.xhtml").statusCode()).isEqualTo(302);
    }

    @Test
    void everyResponseCarriesARequestIdAndEchoesASaneOne() {
        assertThat(get(null, "/actuator/health").header("X-Request-Id")).isNotBlank();
        Response echoed = send(HttpRequest.newBuilder(URI.create(url("/api/tasks")))
                .header("X-Request-Id", "client-req-12345").GET().build());
        assertThat(echoed.header("X-Request-Id")).isEqualTo("client-req-12345");
        assertThat(echoed.json().get("requestId").asText()).isEqualTo("client-req-12345");
        Response replaced = send(HttpRequest.newBuilder(URI.create(url("/api/tasks")))
                .header("X-Request-Id", "<script>").GET().build());
        assertThat(replaced.header("X-Request-Id")).doesNotContain("<");
    }

    @Test
    void healthIsPublicButItsDetailsAreForAdmins() {
        Response anonymous = get(null, "/actuator/health");
        assertThat(anonymous.json().get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.json().has("components")).isFalse();
        Response admin = get("admin", "/actuator/health");
        assertThat(admin.json().get("components").has("db")).isTrue();
        assertThat(admin.json().get("components").has("processEngine")).isTrue();
    }
}
