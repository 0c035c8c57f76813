package org.cloudmarket.tenancy.service;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.Branding;
import org.cloudmarket.tenancy.domain.Storefront;
import org.cloudmarket.tenancy.domain.StorefrontDetails;
import org.cloudmarket.tenancy.domain.StorefrontHost;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * The theme editor's service: each storefront is changed by its own owner only (the admin the
 * tenant's storefront, a reseller or distributor its own), whatever host the request came through.
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.DISTRIBUTOR, Role.Names.RESELLER})
public class StorefrontEditor {

    private static final Pattern HOST_NAME =
            Pattern.compile("(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final int MAX_HOSTS = 5;
    /** The platform's own domain: each tenant's storefronts live under {@code <tenant>.<domain>}. */
    private static final String PLATFORM_DOMAIN = System.getProperty("cloudmarket.platform.domain", "localhost");

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

    /** Texts, look and (when given) new images together: a refused image changes nothing. */
    public StorefrontView update(StorefrontDetails details, Branding branding, byte[] logo, byte[] favicon) {
        Storefront storefront = own();
        if (logo != null) {
            storefront.setLogo(logo);
        }
        if (favicon != null) {
            storefront.setFavicon(favicon);
        }
        return update(details, branding);
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

    /**
     * Adds a host name under the tenant's own sub-domain ({@code shop.acme.localhost}) that reaches
     * the caller's storefront. Host names are unique across the platform. A custom domain would
     * route visitors of someone else's domain here unless its ownership is proven first (a DNS
     * record), which is not built yet: so none is accepted.
     */
    public List<String> addHost(String host) {
        String name = host == null ? "" : StorefrontHost.normalize(host);
        if (!HOST_NAME.matcher(name).matches()) {
            throw new InvalidInput("host", "A host name is like shop.example.com");
        }
        String tenantDomain = "." + entityManager.find(Tenant.class, tenantContext.requireTenantId()).getSlug() + "." + PLATFORM_DOMAIN;
        if (!name.endsWith(tenantDomain)) {
            // a custom domain must be proven the owner's (a DNS record) before it may route here: not built yet
            throw new InvalidInput("host", "Host names end with " + tenantDomain + "; custom domains need a DNS check that is not built yet");
        }
        Storefront storefront = own();
        if (hosts().size() >= MAX_HOSTS) {
            throw new Conflict("A storefront has at most " + MAX_HOSTS + " host names");
        }
        if (entityManager.find(StorefrontHost.class, name) != null) {
            throw new Conflict(name + " is already taken");
        }
        entityManager.persist(new StorefrontHost(name, tenantContext.requireTenantId(), storefront.getId()));
        entityManager.flush();
        return hosts();
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
