package org.cloudmarket.identity.service;

import java.io.Serializable;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;

/**
 * Who a request acts as. While impersonating, {@code impersonatorId} names the user who is really
 * at the keyboard; it is null otherwise.
 */
public record SignedInUser(long tenantId, long userId, String email, String displayName, Role role, Long impersonatorId)
        implements Serializable {

    static SignedInUser of(User user, Long impersonatorId) {
        return new SignedInUser(user.getTenantId(), user.getId(), user.getEmail(), user.getDisplayName(), user.getRole(), impersonatorId);
    }

    public boolean isImpersonated() {
        return impersonatorId != null;
    }

    /** Tenant staff signed in as themselves: they may start acting as someone else. */
    public boolean mayStartImpersonating() {
        return role.isTenantStaff() && !isImpersonated();
    }
}
