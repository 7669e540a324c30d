package org.healthcrm.security;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.healthcrm.audit.AuditTrail;
import org.healthcrm.platform.InvalidInputException;
import org.healthcrm.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates users, assigns roles, resets passwords and deactivates accounts (never deletes them). Every change is
 * audited in its transaction: the account by id, the role names given and taken (they are the account's access,
 * not patient data; the account keeps only its current roles), never a password.
 */
@Service
@Transactional
public class UserAccountService {

    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    public UserAccountService(UserAccountRepository users, PasswordEncoder passwordEncoder, Clock clock,
                              ApplicationEventPublisher events, AuditTrail audit) {
        this.audit = audit;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.events = events;
    }

    public UserAccount create(String username, String displayName, String password, Set<Role> roles) {
        String name = username == null ? "" : username.trim();
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidInputException("username",
                    "User name must be 3 to 64 characters: lower-case letters, digits, '.', '_' or '-'");
        }
        if (users.existsByUsername(name)) {
            throw new InvalidInputException("username", "User name '" + name + "' is already taken");
        }
        checkPassword(name, password);
        UserAccount account = users.save(new UserAccount(name, requireDisplayName(displayName),
                passwordEncoder.encode(password), requireRoles(roles), clock.instant()));
        audit.change("USER_CREATE", null, "UserAccount", account.getId().toString(),
                "username " + name + "; roles " + roleNames(account.getRoles()));
        return account;
    }

    public UserAccount update(long id, String displayName, Set<Role> roles) {
        UserAccount account = get(id);
        String name = requireDisplayName(displayName);
        boolean renamed = !name.equals(account.getDisplayName());
        account.rename(name);
        Set<Role> chosen = requireRoles(roles);
        Set<Role> before = account.getRoles();
        if (!before.equals(chosen)) {
            account.assignRoles(chosen);
            events.publishEvent(new AccessChanged(account.getUsername(), "roles changed"));
            audit.change("USER_ROLES_CHANGE", null, "UserAccount", Long.toString(id), "username "
                    + account.getUsername() + "; roles " + roleNames(before) + " -> " + roleNames(chosen)
                    + (renamed ? "; displayName" : ""));
        } else if (renamed) {
            audit.change("USER_UPDATE", null, "UserAccount", Long.toString(id),
                    "username " + account.getUsername() + "; displayName");
        }
        return account;
    }

    public UserAccount resetPassword(long id, String newPassword) {
        UserAccount account = get(id);
        checkPassword(account.getUsername(), newPassword);
        account.changePassword(passwordEncoder.encode(newPassword), clock.instant());
        events.publishEvent(new AccessChanged(account.getUsername(), "password reset"));
        audit.change("USER_PASSWORD_RESET", null, "UserAccount", Long.toString(id),
                "username " + account.getUsername() + "; password");
        return account;
    }

    public UserAccount deactivate(long id) {
        UserAccount account = get(id);
        account.deactivate();
        events.publishEvent(new AccessChanged(account.getUsername(), "deactivated"));
        audit.change("USER_DEACTIVATE", null, "UserAccount", Long.toString(id),
                "username " + account.getUsername() + "; active");
        return account;
    }

    public UserAccount reactivate(long id) {
        UserAccount account = get(id);
        account.reactivate();
        audit.change("USER_REACTIVATE", null, "UserAccount", Long.toString(id),
                "username " + account.getUsername() + "; active");
        return account;
    }

    /**
     * A user's access changed (deactivated, roles changed, password reset): sessions signed in with the old access
     * must end. Published so that the web layer can act without this service knowing about sessions.
     */
    public record AccessChanged(String username, String reason) {
    }

    @Transactional(readOnly = true)
    public List<UserAccount> list() {
        return users.findAllByOrderByUsernameAsc();
    }

    @Transactional(readOnly = true)
    public UserAccount get(long id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("No user with id " + id));
    }

    private static String roleNames(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(java.util.stream.Collectors.joining(","));
    }

    private static String requireDisplayName(String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw new InvalidInputException("displayName", "Full name is required (at most 200 characters)");
        }
        return displayName.trim();
    }

    private static Set<Role> requireRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidInputException("roles", "Choose at least one role");
        }
        return roles;
    }

    private static void checkPassword(String username, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("password",
                    "Password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > 72) {
            throw new InvalidInputException("password", "Password must have at most 72 characters");
        }
        if (password.toLowerCase().contains(username.toLowerCase())) {
            throw new InvalidInputException("password", "Password must not contain the user name");
        }
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean other = password.chars().anyMatch(c -> !Character.isLetter(c));
        if (!letter || !other) {
            throw new InvalidInputException("password", "Password must mix letters with digits or symbols");
        }
    }
}
