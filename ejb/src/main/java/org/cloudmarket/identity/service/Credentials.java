package org.cloudmarket.identity.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.util.Optional;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;
import org.cloudmarket.tenancy.domain.Storefront;
import org.cloudmarket.tenancy.domain.Tenant;
import org.cloudmarket.tenancy.service.HostDirectory;

/**
 * The short transactions around a password check, which itself runs outside any transaction and
 * holds no database connection (Authentication): reading what the check needs. Issuing the token
 * once it passed is TokenIssuer's, which no request can reach.
 */
@Stateless
@PermitAll
public class Credentials {

    /** What a password check needs of a user of the current tenant, read in one short transaction. */
    public record Stored(SignedInUser user, String passwordHash, boolean enabled, boolean roleHolds) {
    }

    @Inject
    private EntityManager entityManager;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private HostDirectory hostDirectory;

    public Optional<Stored> of(String normalizedEmail) {
        return entityManager.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", normalizedEmail)
                .getResultStream()
                .findFirst()
                .map(user -> new Stored(SignedInUser.of(user, null), user.getPasswordHash(), user.isEnabled(), roleHolds(user)));
    }

    /** See {@link org.cloudmarket.identity.domain.Role#holdsIn}. */
    public boolean roleHolds(User user) {
        return user.getRole().holdsIn(Tenant.PLATFORM.equals(entityManager.find(Tenant.class, user.getTenantId()).getSlug()));
    }

    /**
     * Where a customer's store is, when the request's storefront is not one of its seller's (DOMAIN,
     * "Channel customers"): the address of its reseller's storefront, or of the marketplace's own
     * for a customer of the tenant; empty when it may sign in here (and for everyone but customers).
     * An empty address inside means its seller has no storefront to send it to.
     */
    public Optional<Optional<String>> storeElsewhere(long userId) {
        Optional<Organization> customer = Optional.ofNullable(entityManager.find(User.class, userId))
                .flatMap(User::getOrganization).filter(organization -> organization.getKind() == OrganizationKind.CUSTOMER);
        Optional<Long> here = tenantContext.storefrontId();
        if (customer.isEmpty() || here.isEmpty() || entityManager.find(Storefront.class, here.get()).sellsTo(customer.get())) {
            return Optional.empty();
        }
        var query = customer.get().getParent()
                .map(seller -> entityManager.createNamedQuery(Storefront.OF_OWNER, Storefront.class).setParameter("owner", seller))
                .orElseGet(() -> entityManager.createNamedQuery(Storefront.OF_MARKETPLACE, Storefront.class));
        Tenant tenant = entityManager.find(Tenant.class, tenantContext.requireTenantId());
        return Optional.of(query.getResultStream().findFirst()
                .flatMap(home -> hostDirectory.hostOf(tenant.getId(), tenant.getSlug(), home.getId()))
                .map(this::address));
    }

    /** The store's address as the client reaches this one: same scheme and port, the store's host. */
    private String address(String host) {
        URI origin = URI.create(tenantContext.origin().orElse("http://" + host));
        return origin.getScheme() + "://" + host + (origin.getPort() < 0 ? "" : ":" + origin.getPort()) + "/";
    }
}
