package org.healthcrm.security.web;

import org.healthcrm.security.UserAccountService.AccessChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends the screen sessions of a user whose access changed (deactivated, roles changed, password reset), once the
 * change is committed: their next request goes to the login page instead of running with the old access.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SessionTermination {

    private static final Logger log = LoggerFactory.getLogger(SessionTermination.class);

    private final SessionRegistry sessions;

    SessionTermination(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void accessChanged(AccessChanged event) {
        int ended = 0;
        for (Object principal : sessions.getAllPrincipals()) {
            String name = principal instanceof UserDetails user ? user.getUsername() : String.valueOf(principal);
            if (name.equals(event.username())) {
                for (SessionInformation session : sessions.getAllSessions(principal, false)) {
                    session.expireNow();
                    ended++;
                }
            }
        }
        if (ended > 0) {
            log.info("Ended {} session(s) of user {}: {}", ended, event.username(), event.reason());
        }
    }
}
