package org.healthcrm.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who is acting: the signed-in user's name and roles. Services take it explicitly, so every check on what a user
 * may do is visible at the call and testable without a web request.
 */
public record Actor(String userId, Set<Role> roles) {

    public Actor {
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public static Actor of(String userId, Role... roles) {
        return new Actor(userId, roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(List.of(roles)));
    }

    /** Engine groups of this actor: one per role. */
    public List<String> groups() {
        return roles.stream().map(Role::group).toList();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
