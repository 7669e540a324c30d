package org.healthcrm.security.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.healthcrm.platform.HealthCrmProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** Password checks with real BCrypt: how many a burst of API requests costs. */
class ThrottledAuthenticationProviderTest {

    private static final String PASSWORD = "Integration-Passw0rd!";

    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final ExecutorService clients = Executors.newFixedThreadPool(8);
    private final ThrottledAuthenticationProvider provider = provider();

    @AfterEach
    void stop() {
        clients.shutdownNow();
    }

    @Test
    void concurrentRequestsOfOneClientShareOnePasswordCheck() throws Exception {
        List<Authentication> results = burst("ehr-client", PASSWORD, 8);

        assertThat(results).hasSize(8).allSatisfy(result -> {
            assertThat(result.isAuthenticated()).isTrue();
            assertThat(result.getName()).isEqualTo("ehr-client");
        });
        assertThat(bcryptChecks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsCheckedEveryTimeAndNeverRemembered() {
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> provider.authenticate(attempt("ehr-client", "wrong")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(bcryptChecks).hasValue(2);
        assertThat(provider.authenticate(attempt("ehr-client", PASSWORD)).isAuthenticated()).isTrue();
        assertThat(bcryptChecks).hasValue(3);
    }

    private List<Authentication> burst(String user, String password, int requests) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Authentication>> futures = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            futures.add(clients.submit(() -> {
                start.await();
                return provider.authenticate(attempt(user, password));
            }));
        }
        start.countDown();
        List<Authentication> results = new ArrayList<>();
        for (Future<Authentication> future : futures) {
            results.add(future.get(30, TimeUnit.SECONDS));
        }
        return results;
    }

    private static Authentication attempt(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    private ThrottledAuthenticationProvider provider() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder() {
            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                bcryptChecks.incrementAndGet();
                return super.matches(rawPassword, encodedPassword);
            }
        };
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(User.withUsername("ehr-client")
                .password(new BCryptPasswordEncoder().encode(PASSWORD)).roles("INTEGRATION").build());
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(bcrypt);
        HealthCrmProperties properties = new HealthCrmProperties();
        Clock clock = Clock.systemUTC();
        return new ThrottledAuthenticationProvider(dao, new LoginThrottle(properties, clock),
                new VerifiedPasswordCache(properties, clock));
    }
}
