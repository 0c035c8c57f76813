package org.cloudmarket.identity.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.PlatformDomain;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * Where the links in a mail about a user's account (reset, invitation, sign-in) point. Normally the
 * host the request came through; but a custom domain is a host someone else controls, so a user
 * who may not sign in there (Role#signsInOnCustomDomains) gets links to the tenant's own sub-domain:
 * a reset asked through a reseller's domain never hands a staff member's link to that domain.
 */
@Dependent
public class AccountLinks {

    @Inject
    private TenantContext tenantContext;

    @Inject
    private EntityManager entityManager;

    /** {@code scheme://host[:port]} for links to this user's account. */
    public String originFor(User user) {
        String origin = tenantContext.origin().orElseThrow(() -> new IllegalStateException("A link needs the request's origin"));
        if (!tenantContext.onCustomDomain() || user.getRole().signsInOnCustomDomains()) {
            return origin;
        }
        return PlatformDomain.tenantOrigin(origin, entityManager.find(Tenant.class, tenantContext.requireTenantId()).getSlug());
    }
}
