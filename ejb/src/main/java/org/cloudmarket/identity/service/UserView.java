package org.cloudmarket.identity.service;

import java.time.Instant;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.tenancy.domain.Organization;

/** A user as callers see it: never the password hash. An unverified customer signs in but does not buy. */
public record UserView(long id, String email, String displayName, Role role, String organization,
                       boolean enabled, Instant createdAt, Long organizationId, boolean emailVerified) {

    public static UserView of(User user) {
        return new UserView(user.getId(), user.getEmail(), user.getDisplayName(), user.getRole(),
                user.getOrganization().map(Organization::getName).orElse(null), user.isEnabled(), user.getCreatedAt(),
                user.getOrganization().map(Organization::getId).orElse(null), user.isEmailVerified());
    }
}
