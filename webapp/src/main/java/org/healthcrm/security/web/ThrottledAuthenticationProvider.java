package org.healthcrm.security.web;

import java.time.Duration;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password login through our user table, refused while the user name or the client address is locked out. A password
 * verified a moment ago is not checked with BCrypt again ({@link VerifiedPasswordCache}).
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final VerifiedPasswordCache verified;

    ThrottledAuthenticationProvider(DaoAuthenticationProvider delegate, LoginThrottle throttle,
                                    VerifiedPasswordCache verified) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.verified = verified;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        Duration wait = throttle.retryAfter(username, address);
        if (!wait.isZero()) {
            throw new LoginThrottledException(wait);
        }
        Authentication remembered = verified.recall(authentication).orElse(null);
        if (remembered != null) {
            throttle.succeeded(username, address);
            return remembered;
        }
        long generation = verified.generation();
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.succeeded(username, address);
            verified.remember(authentication, result, generation);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(username, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
