package org.healthcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.EnumSet;

import org.healthcrm.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An API client's verified password is remembered for a while (healthcrm.login.password-check-cache), and yet what an
 * administrator changes about the account applies to the very next request.
 */
class PasswordCheckCacheTest extends IntegrationTest {

    @Autowired
    UserAccountService accounts;

    @Test
    void aPasswordResetRefusesTheOldPasswordAtOnce() {
        UserAccount account = accounts.create("cache-reset", "Cache Reset", PASSWORD, EnumSet.of(Role.FRONT_DESK));
        assertThat(get("cache-reset", "/api/tasks").status()).isEqualTo(200);
        assertThat(get("cache-reset", "/api/tasks").status()).isEqualTo(200);

        accounts.resetPassword(account.getId(), "another-Passw0rd!");

        assertThat(get("cache-reset", "/api/tasks").status()).isEqualTo(401);
        assertThat(as("cache-reset", "another-Passw0rd!")).isEqualTo(200);
    }

    @Test
    void changedRolesApplyToTheNextRequest() {
        UserAccount account = accounts.create("cache-roles", "Cache Roles", PASSWORD, EnumSet.of(Role.FRONT_DESK));
        assertThat(get("cache-roles", "/api/tasks").status()).isEqualTo(200);

        accounts.update(account.getId(), "Cache Roles", EnumSet.of(Role.ANALYST));

        assertThat(get("cache-roles", "/api/tasks").status()).isEqualTo(403);
    }

    @Test
    void aWrongPasswordIsRefusedAfterTheRightOneWasRemembered() {
        accounts.create("cache-wrong", "Cache Wrong", PASSWORD, EnumSet.of(Role.FRONT_DESK));
        assertThat(get("cache-wrong", "/api/tasks").status()).isEqualTo(200);

        assertThat(as("cache-wrong", PASSWORD + "x")).isEqualTo(401);
        assertThat(as("CACHE-WRONG", "wrong")).isEqualTo(401);
        assertThat(get("cache-wrong", "/api/tasks").status()).isEqualTo(200);
    }

    private int as(String user, String password) {
        return send(HttpRequest.newBuilder(URI.create(url("/api/tasks"))).header("Authorization", basic(user, password))
                .GET().build()).status();
    }
}
