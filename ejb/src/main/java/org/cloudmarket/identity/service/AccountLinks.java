package org.cloudmarket.identity.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.PlatformDomain;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * Where the links in a mail about a user's account (reset, invitation, sign-in) point. Normally the
 * host the request came through; but a custom domain is a host someone else controls, so a user
 * who may not sign in there (Role#signsInOnCustomDomains) gets links to the tenant's own sub-domain:
 * a reset asked through a reseller's domain never hands a staff member's link to that domain. The
 * same holds for a customer of another seller: its links go to its own store.
 */
@Dependent
public class AccountLinks {

    @Inject
    private TenantContext tenantContext;

    @Inject
    private EntityManager entityManager;

    @Inject
    private Credentials credentials;

    /** {@code scheme://host[:port]} for links to this user's account. */
    public String originFor(User user) {
        String origin = tenantContext.origin().orElseThrow(() -> new IllegalStateException("A link needs the request's origin"));
        if (mayUseLinksHere(user)) {
            return origin;
        }
        Optional<String> store = user.getRole().signsInOnCustomDomains()
                ? credentials.storeElsewhere(user.getId()).flatMap(address -> address) : Optional.empty();
        return store.map(address -> address.endsWith("/") ? address.substring(0, address.length() - 1) : address)
                .orElseGet(() -> PlatformDomain.tenantOrigin(origin,
                        entityManager.find(Tenant.class, tenantContext.requireTenantId()).getSlug()));
    }

    /**
     * Whether this host may receive and redeem the user's account links: any of the tenant's own
     * sub-domains; a custom domain only for the customers of its own storefront, since its owner
     * controls it and could read a link sent there.
     */
    public boolean mayUseLinksHere(User user) {
        return !tenantContext.onCustomDomain()
                || (user.getRole().signsInOnCustomDomains() && credentials.storeElsewhere(user.getId()).isEmpty());
    }
}
