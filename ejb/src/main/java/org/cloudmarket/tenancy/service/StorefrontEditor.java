package org.cloudmarket.tenancy.service;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.Branding;
import org.cloudmarket.tenancy.domain.Storefront;
import org.cloudmarket.tenancy.domain.StorefrontDetails;
import org.cloudmarket.tenancy.domain.StorefrontHost;

/**
 * The theme editor's service: each storefront is changed by its own owner only (the admin the
 * tenant's storefront, a reseller or distributor its own), whatever host the request came through.
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.DISTRIBUTOR, Role.Names.RESELLER})
public class StorefrontEditor {

    @Inject
    private EntityManager entityManager;

    @Inject
    private Caller caller;

    @Inject
    private Storefronts storefronts;

    @Inject
    private TenantContext tenantContext;

    public StorefrontView mine() {
        return storefronts.view(own().getId());
    }

    public StorefrontView update(StorefrontDetails details, Branding branding) {
        Storefront storefront = own();
        storefront.describe(details);
        storefront.restyle(branding);
        entityManager.flush();
        return storefronts.view(storefront.getId());
    }

    public StorefrontView setLogo(byte[] image) {
        Storefront storefront = own();
        storefront.setLogo(image);
        return storefronts.view(storefront.getId());
    }

    public StorefrontView setFavicon(byte[] image) {
        Storefront storefront = own();
        storefront.setFavicon(image);
        return storefronts.view(storefront.getId());
    }

    /** The host names that reach the caller's storefront. */
    public List<String> hosts() {
        long id = own().getId();
        return entityManager.createQuery("SELECT h.host FROM StorefrontHost h WHERE h.storefrontId = :id AND h.tenantId = :tenant",
                        String.class).setParameter("id", id).setParameter("tenant", tenantContext.requireTenantId())
                .getResultList();
    }

    /** The logo or favicon of the request's storefront, for anyone who sees the storefront. */
    @PermitAll
    public Optional<StorefrontImage> image(boolean favicon) {
        Storefront storefront = entityManager.find(Storefront.class,
                tenantContext.storefrontId().orElseThrow(() -> new NotFound("No storefront")));
        return favicon
                ? storefront.getFavicon().map(data -> new StorefrontImage(storefront.getFaviconType(), data))
                : storefront.getLogo().map(data -> new StorefrontImage(storefront.getLogoType(), data));
    }

    private Storefront own() {
        User user = caller.user();
        String query = user.getRole() == Role.ADMIN ? "SELECT s FROM Storefront s WHERE s.owner IS NULL"
                : "SELECT s FROM Storefront s WHERE s.owner.id = :owner";
        var typed = entityManager.createQuery(query, Storefront.class);
        if (user.getRole() != Role.ADMIN) {
            typed.setParameter("owner", user.getOrganization().orElseThrow(() -> new NotFound("You run no storefront")).getId());
        }
        return typed.getResultStream().findFirst().orElseThrow(() -> new NotFound("You run no storefront"));
    }
}
