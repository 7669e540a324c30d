package org.healthcrm.security.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.healthcrm.platform.HealthCrmProperties;
import org.springframework.stereotype.Component;

/**
 * Counts consecutive failed logins per user name and per client address. After {@code max-failures} in a row a
 * user name is locked out for {@code lockout} (a client address after four times as many, so that one clinic behind
 * one address is not locked out by a single person's typos). While locked out even the right password is refused.
 */
@Component
public class LoginThrottle {

    private static final int ADDRESS_FACTOR = 4;
    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;

    public LoginThrottle(HealthCrmProperties properties, Clock clock) {
        this.maxFailures = properties.getLogin().getMaxFailures();
        this.lockout = properties.getLogin().getLockout();
        this.clock = clock;
    }

    /** How long the caller must wait, or {@link Duration#ZERO} when it may try. */
    public Duration retryAfter(String username, String address) {
        Instant now = clock.instant();
        Duration user = remaining(userKey(username), now);
        Duration client = remaining(addressKey(address), now);
        return user.compareTo(client) >= 0 ? user : client;
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> f.lockedUntil == null || f.lockedUntil.isBefore(now));
        }
        record(userKey(username), maxFailures, now);
        record(addressKey(address), maxFailures * ADDRESS_FACTOR, now);
    }

    public void succeeded(String username, String address) {
        failures.remove(userKey(username));
        failures.remove(addressKey(address));
    }

    private void record(String key, int limit, Instant now) {
        failures.compute(key, (k, current) -> {
            Failures f = current == null || current.expired(now) ? new Failures() : current;
            f.count++;
            if (f.count >= limit) {
                f.lockedUntil = now.plus(lockout);
            }
            return f;
        });
    }

    private Duration remaining(String key, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.lockedUntil == null || !f.lockedUntil.isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, f.lockedUntil);
    }

    private static String userKey(String username) {
        return "u:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + (address == null ? "" : address);
    }

    private static final class Failures {
        int count;
        Instant lockedUntil;

        boolean expired(Instant now) {
            return lockedUntil != null && !lockedUntil.isAfter(now);
        }
    }
}
