package org.healthcrm.security.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password login through our user table, refused while the user name or the client address is locked out. A password
 * verified a moment ago is not checked with BCrypt again ({@link VerifiedPasswordCache}), and concurrent requests of
 * one user name share one check.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final VerifiedPasswordCache verified;
    /** Striped by user name: password checks of one user name run one at a time. */
    private final Lock[] checks = new Lock[64];

    ThrottledAuthenticationProvider(DaoAuthenticationProvider delegate, LoginThrottle throttle,
                                    VerifiedPasswordCache verified) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.verified = verified;
        Arrays.setAll(checks, i -> new ReentrantLock());
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        refuseWhileLockedOut(username, address);
        Authentication remembered = recalled(authentication, address);
        if (remembered != null) {
            return remembered;
        }
        // One BCrypt check at a time per user name: when the remembered check of a busy API client expires, its
        // concurrent requests wait for the first one's check and are then recalled, instead of each running its own.
        Lock lock = checks[Math.floorMod(VerifiedPasswordCache.key(username).hashCode(), checks.length)];
        lock.lock();
        try {
            remembered = recalled(authentication, address);
            if (remembered != null) {
                return remembered;
            }
            // the checks this one waited for may have failed often enough to lock the user name out
            refuseWhileLockedOut(username, address);
            long generation = verified.generation();
            Authentication result = delegate.authenticate(authentication);
            throttle.succeeded(username, address);
            verified.remember(authentication, result, generation);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(username, address);
            throw e;
        } finally {
            lock.unlock();
        }
    }

    private void refuseWhileLockedOut(String username, String address) {
        Duration wait = throttle.retryAfter(username, address);
        if (!wait.isZero()) {
            throw new LoginThrottledException(wait);
        }
    }

    /** The authentication of a password verified a moment ago, or null. */
    private Authentication recalled(Authentication attempt, String address) {
        Authentication remembered = verified.recall(attempt).orElse(null);
        if (remembered != null) {
            throttle.succeeded(attempt.getName(), address);
        }
        return remembered;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
