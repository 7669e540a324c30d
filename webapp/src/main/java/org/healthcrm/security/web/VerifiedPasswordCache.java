package org.healthcrm.security.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.healthcrm.platform.HealthCrmProperties;
import org.healthcrm.security.UserAccountService.AccessChanged;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Remembers a successful password check for a short while ({@code healthcrm.login.password-check-cache}, 60 s), so
 * that an API client sending HTTP Basic with every request costs one BCrypt check per minute rather than one per
 * request (tens of milliseconds of CPU each, for every request of an integration client).
 *
 * <p>It keeps no password: only an HMAC-SHA256 of user name and password under a random key that exists in this
 * process's memory alone. A wrong password never matches, so it takes the usual path (BCrypt, then the throttle
 * counts it). A user's entries go as soon as a change of their access commits (deactivated, roles changed, password
 * reset), and in any case after the cache time; the throttle's lock-out is checked before the cache.
 */
@Component
class VerifiedPasswordCache {

    private static final String MAC = "HmacSHA256";
    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Counts access changes, so that a check that began before one is not remembered after it. */
    private final AtomicLong changes = new AtomicLong();
    private final SecretKeySpec key;
    private final Duration ttl;
    private final Clock clock;

    VerifiedPasswordCache(HealthCrmProperties properties, Clock clock) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, MAC);
        this.ttl = properties.getLogin().getPasswordCheckCache();
        this.clock = clock;
    }

    private record Entry(byte[] mac, UserDetails user, Collection<? extends GrantedAuthority> authorities,
                         Instant verifiedAt) {
    }

    /** Where to compare with when the check that starts now succeeds: see {@link #remember}. */
    long generation() {
        return changes.get();
    }

    /** The authentication of a user name and password verified within the cache time, if this is one. */
    Optional<Authentication> recall(Authentication attempt) {
        if (ttl.isZero() || !(attempt.getCredentials() instanceof String password)) {
            return Optional.empty();
        }
        Entry entry = entries.get(key(attempt.getName()));
        if (entry == null || !clock.instant().isBefore(entry.verifiedAt().plus(ttl))
                || !MessageDigest.isEqual(entry.mac(), mac(attempt.getName(), password))) {
            return Optional.empty();
        }
        UsernamePasswordAuthenticationToken authenticated =
                UsernamePasswordAuthenticationToken.authenticated(entry.user(), null, entry.authorities());
        authenticated.setDetails(attempt.getDetails());
        return Optional.of(authenticated);
    }

    /**
     * Remembers a successful check, unless a user's access changed since {@code generation} was read before it
     * (the check may have used the old password or roles).
     */
    void remember(Authentication attempt, Authentication result, long generation) {
        if (ttl.isZero() || !(attempt.getCredentials() instanceof String password)
                || !(result.getPrincipal() instanceof UserDetails user)) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            entries.values().removeIf(e -> !now.isBefore(e.verifiedAt().plus(ttl)));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        Entry entry = new Entry(mac(attempt.getName(), password), user, result.getAuthorities(), clock.instant());
        entries.put(key(attempt.getName()), entry);
        if (changes.get() != generation) {
            entries.remove(key(attempt.getName()), entry);
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void accessChanged(AccessChanged event) {
        changes.incrementAndGet();
        // by the account's own name: the database finds an account under other spellings of it too
        entries.values().removeIf(e -> e.user().getUsername().equalsIgnoreCase(event.username()));
    }

    static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }

    private byte[] mac(String username, String password) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            mac.update(key(username).getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + MAC, e);
        }
    }
}
