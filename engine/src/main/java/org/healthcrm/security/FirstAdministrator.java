package org.healthcrm.security;

import java.util.EnumSet;

import org.healthcrm.platform.HealthCrmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator of a new installation from {@code healthcrm.first-admin.username} and
 * {@code .password}, and only while no active administrator exists: there is no default account and no default
 * password. Once an administrator exists the settings are ignored, so they can stay in place without risk.
 */
@Component
class FirstAdministrator {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final HealthCrmProperties.FirstAdmin settings;
    private final UserAccountRepository users;
    private final UserAccountService accounts;

    FirstAdministrator(HealthCrmProperties properties, UserAccountRepository users, UserAccountService accounts) {
        this.settings = properties.getFirstAdmin();
        this.users = users;
        this.accounts = accounts;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIfNoAdministratorExists() {
        if (settings.getUsername() == null || settings.getUsername().isBlank()) {
            if (!users.existsActiveWithRole(Role.ADMIN)) {
                log.warn("No active administrator exists. Set healthcrm.first-admin.username and "
                        + "HEALTHCRM_FIRST_ADMIN_PASSWORD to create one (docs/operations.md)");
            }
            return;
        }
        if (users.existsActiveWithRole(Role.ADMIN)) {
            log.info("An administrator exists: healthcrm.first-admin is ignored");
            return;
        }
        accounts.create(settings.getUsername(), "Administrator", settings.getPassword(), EnumSet.of(Role.ADMIN));
        log.info("Created the first administrator '{}'", settings.getUsername());
    }
}
