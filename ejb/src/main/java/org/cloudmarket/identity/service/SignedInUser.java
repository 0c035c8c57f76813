package org.cloudmarket.identity.service;

import java.io.Serializable;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;

/**
 * Who a request acts as. While impersonating, {@code impersonatorId} names the user who is really
 * at the keyboard; it is null otherwise. {@code credentialsVersion} is that person's (the
 * impersonator's while impersonating) at sign-in: a browser session remembers it, and a password
 * changed since ends the session (Authentication#resume).
 */
public record SignedInUser(long tenantId, long userId, String email, String displayName, Role role, Long impersonatorId,
                           int credentialsVersion) implements Serializable {

    static SignedInUser of(User user, Long impersonatorId) {
        return new SignedInUser(user.getTenantId(), user.getId(), user.getEmail(), user.getDisplayName(), user.getRole(),
                impersonatorId, user.getCredentialsVersion());
    }

    /** The target acting through the impersonator's sign-in: the impersonator's password guards it. */
    static SignedInUser actingAs(User target, User impersonator) {
        return new SignedInUser(target.getTenantId(), target.getId(), target.getEmail(), target.getDisplayName(),
                target.getRole(), impersonator.getId(), impersonator.getCredentialsVersion());
    }

    public boolean isImpersonated() {
        return impersonatorId != null;
    }

    /** Tenant staff signed in as themselves: they may start acting as someone else. */
    public boolean mayStartImpersonating() {
        return role.isTenantStaff() && !isImpersonated();
    }
}
