package org.healthcrm.security.ui;

import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import org.healthcrm.platform.InvalidInputException;
import org.healthcrm.platform.NotFoundException;
import org.healthcrm.platform.ui.Dates;
import org.healthcrm.platform.ui.ScreenSupport;
import org.healthcrm.security.Role;
import org.healthcrm.security.UserAccount;
import org.healthcrm.security.UserAccountService;
import org.healthcrm.security.web.CurrentActor;
import org.springframework.stereotype.Component;

/** ADMIN screen: create users, assign roles, reset passwords, deactivate and reactivate (never delete). */
@Component("userAdmin")
@ViewScoped
public class UserAdminView implements Serializable {

    private final transient UserAccountService accounts;

    private List<UserAccount> users;
    private Long editingId;
    private String username;
    private String displayName;
    private String password;
    private List<String> roles;

    public UserAdminView(UserAccountService accounts) {
        this.accounts = accounts;
    }

    @PostConstruct
    void init() {
        reload();
    }

    private void reload() {
        users = accounts.list();
    }

    public void prepareCreate() {
        editingId = null;
        username = null;
        displayName = null;
        password = null;
        // mutable: the checkbox list converts the submitted values into a new collection of the same type
        roles = new java.util.ArrayList<>();
    }

    public void prepareEdit(UserAccount user) {
        editingId = user.getId();
        username = user.getUsername();
        displayName = user.getDisplayName();
        password = null;
        roles = new java.util.ArrayList<>(user.getRoles().stream().map(Role::name).toList());
    }

    public void save() {
        try {
            Set<Role> chosen = EnumSet.noneOf(Role.class);
            if (roles != null) {
                roles.forEach(role -> chosen.add(Role.valueOf(role)));
            }
            if (editingId == null) {
                accounts.create(username, displayName, password, chosen);
                ScreenSupport.info("User created", username + " can now sign in.");
            } else {
                if (isSelf(editingId) && !chosen.contains(Role.ADMIN)) {
                    throw new InvalidInputException("roles", "You cannot remove your own administrator role");
                }
                accounts.update(editingId, displayName, chosen);
                if (password != null && !password.isEmpty()) {
                    accounts.resetPassword(editingId, password);
                }
                ScreenSupport.info("User saved", username + " is updated.");
            }
            reload();
            org.primefaces.PrimeFaces.current().ajax().addCallbackParam("saved", true);
        } catch (InvalidInputException e) {
            ScreenSupport.fieldError("userForm:" + e.field(), e.getMessage());
        } finally {
            password = null;
        }
    }

    public void deactivate(UserAccount user) {
        try {
            if (isSelf(user.getId())) {
                throw new InvalidInputException("active", "You cannot deactivate your own account");
            }
            accounts.deactivate(user.getId());
            ScreenSupport.info("User deactivated", user.getUsername() + " can no longer sign in.");
            reload();
        } catch (InvalidInputException | NotFoundException e) {
            ScreenSupport.error("Not possible", e.getMessage());
        }
    }

    public void reactivate(UserAccount user) {
        accounts.reactivate(user.getId());
        ScreenSupport.info("User reactivated", user.getUsername() + " can sign in again.");
        reload();
    }

    private boolean isSelf(Long id) {
        String me = CurrentActor.get().userId();
        return users.stream().anyMatch(user -> user.getId().equals(id) && user.getUsername().equals(me));
    }

    public String roleLabels(UserAccount user) {
        return user.getRoles().stream().map(Role::label).sorted().collect(Collectors.joining(", "));
    }

    public String when(java.time.Instant instant) {
        return Dates.format(instant);
    }

    public List<Role> getAllRoles() {
        return Arrays.asList(Role.values());
    }

    public boolean isCreating() {
        return editingId == null;
    }

    public List<UserAccount> getUsers() {
        return users;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }
}
