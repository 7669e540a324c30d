package org.healthcrm.security.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.healthcrm.audit.AuditEvent;
import org.healthcrm.audit.AuditTrail;
import org.healthcrm.platform.web.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Audits the doors: every failed sign-in (screens and API, both go through the one authentication manager, so a
 * new door cannot skip it), every sign-in to the screens, sign-out, idle timeout and any other end of a screen
 * session, and every request the security rules refuse to a signed-in user.
 *
 * <p>A successful API sign-in is not an event of its own: HTTP Basic signs in on every request, and whatever the
 * request reads or changes is audited with the user.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SignInAudit implements LogoutHandler {

    /** Session attribute: the client address the session signed in from (a timeout has no request to tell it). */
    static final String SIGN_IN_ADDRESS = SignInAudit.class.getName() + ".address";
    /** Session attribute: the session's end was audited already (sign-out). */
    private static final String ENDED = SignInAudit.class.getName() + ".ended";

    private static final Logger log = LoggerFactory.getLogger(SignInAudit.class);

    private final AuditTrail audit;

    public SignInAudit(AuditTrail audit) {
        this.audit = audit;
    }

    /** A sign-in refused: the name as typed (an unknown name included), and why, without the password. */
    @EventListener
    public void signInFailed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        String typed = attempt == null || attempt.getName() == null ? "" : attempt.getName();
        audit.access("LOGIN", typed, List.of(), AuditEvent.Outcome.DENIED, door() + "; " + cause(event.getException()));
    }

    /** A sign-in to the screens (the login form); the session remembers the address for its end. */
    @EventListener
    public void signedIn(InteractiveAuthenticationSuccessEvent event) {
        HttpSession session = currentRequest() == null ? null : currentRequest().getSession(false);
        if (session != null) {
            session.setAttribute(SIGN_IN_ADDRESS, MDC.get(RequestIdFilter.CLIENT_ADDRESS_KEY));
        }
        audit.access("LOGIN", event.getAuthentication().getName(), roles(event.getAuthentication()),
                AuditEvent.Outcome.SUCCESS, "screen");
    }

    /**
     * Sign-out from the screens, before the session is invalidated. The page signs out by itself when the user has
     * been idle for the session timeout: that is {@code SESSION_TIMEOUT}.
     */
    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(ENDED, Boolean.TRUE);
        }
        boolean idle = "timeout".equals(request.getParameter("reason"));
        endOfSession(() -> audit.access(idle ? "SESSION_TIMEOUT" : "LOGOUT", authentication.getName(),
                roles(authentication), AuditEvent.Outcome.SUCCESS, idle ? "screen: idle, signed out by the page"
                        : "screen"));
    }

    /**
     * A screen session ended without a sign-out: the server expired it after the idle timeout
     * ({@code SESSION_TIMEOUT}), or the application ended it, as it does when an account's access changes
     * ({@code SESSION_END}).
     */
    @EventListener
    public void sessionDestroyed(HttpSessionDestroyedEvent event) {
        HttpSession session = event.getSession();
        if (Boolean.TRUE.equals(session.getAttribute(ENDED))) {
            return;
        }
        int timeout = session.getMaxInactiveInterval();
        boolean idle = timeout > 0 && System.currentTimeMillis() - session.getLastAccessedTime() >= timeout * 1000L;
        Object address = session.getAttribute(SIGN_IN_ADDRESS);
        for (SecurityContext context : event.getSecurityContexts()) {
            Authentication user = context.getAuthentication();
            if (user == null || user instanceof AnonymousAuthenticationToken || !user.isAuthenticated()) {
                continue;
            }
            endOfSession(() -> withClientAddress(address, () -> audit.access(idle ? "SESSION_TIMEOUT" : "SESSION_END",
                    user.getName(), roles(user), AuditEvent.Outcome.SUCCESS, idle ? "screen: idle, expired by the server"
                            : "screen: ended by the application")));
        }
    }

    /** A request the security rules refuse to a signed-in user (a URL their roles do not open, a missing CSRF token). */
    public void accessDenied(HttpServletRequest request, Authentication user, AccessDeniedException e) {
        if (user == null || user instanceof AnonymousAuthenticationToken || !user.isAuthenticated()) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        audit.denied("ACCESS_DENIED", user.getName(), roles(user), null, "Url", path,
                request.getMethod() + (e instanceof CsrfException ? "; CSRF token missing or wrong" : ""));
    }

    /**
     * A session ends even when its end cannot be audited (the database is gone at shutdown, say): a sign-out must
     * never fail for the audit. The failure is logged without detail; the sign-ins and reads stay audited.
     */
    private static void endOfSession(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            log.warn("The end of a session could not be audited: {}", e.getClass().getSimpleName());
        }
    }

    private static String cause(AuthenticationException e) {
        if (e instanceof LoginThrottledException) {
            return "locked after too many failures";
        }
        if (e instanceof DisabledException) {
            return "account deactivated";
        }
        if (e instanceof LockedException) {
            return "account locked";
        }
        if (e instanceof BadCredentialsException) {
            return "wrong user name or password";
        }
        return e == null ? "refused" : e.getClass().getSimpleName();
    }

    /** Which door: the login form of the screens, or HTTP Basic on the API. */
    private static String door() {
        HttpServletRequest request = currentRequest();
        if (request == null) {
            return "unknown";
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/login") ? "screen" : path.startsWith("/fhir") ? "fhir" : "api";
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    /** The user's roles, as the engine's groups name them. */
    private static List<String> roles(Authentication user) {
        return CurrentActor.of(user).groups();
    }

    /** Runs the write with the session's sign-in address as the client address when no request gives one. */
    private static void withClientAddress(Object address, Runnable write) {
        boolean set = MDC.get(RequestIdFilter.CLIENT_ADDRESS_KEY) == null && address != null;
        if (set) {
            MDC.put(RequestIdFilter.CLIENT_ADDRESS_KEY, address.toString());
        }
        try {
            write.run();
        } finally {
            if (set) {
                MDC.remove(RequestIdFilter.CLIENT_ADDRESS_KEY);
            }
        }
    }
}
