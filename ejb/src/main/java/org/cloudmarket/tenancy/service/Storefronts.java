package org.cloudmarket.tenancy.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import org.cloudmarket.shared.cache.TenantCache;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.Storefront;
import org.cloudmarket.tenancy.domain.Tenant;

/** Reads storefronts of the current tenant. */
@Stateless
@PermitAll
public class Storefronts {

    @Inject
    private EntityManager entityManager;

    @Inject
    private TenantContext tenantContext;

    /** Every page, stylesheet and picture of a storefront reads its view: read it once per change. */
    private static final TenantCache<Long, StorefrontView> VIEWS = new TenantCache<>(Duration.ofMinutes(5), 1_000);

    public StorefrontView view(long storefrontId) {
        return VIEWS.get(tenantContext.requireTenantId(), storefrontId, () -> read(storefrontId));
    }

    /** The view as this transaction sees the row, for the editor that has just changed it. */
    public StorefrontView viewAsStored(long storefrontId) {
        return read(storefrontId);
    }

    private StorefrontView read(long storefrontId) {
        Storefront storefront = entityManager.find(Storefront.class, storefrontId);
        if (storefront == null) {
            throw new NotFound("Storefront " + storefrontId + " was not found");
        }
        Tenant tenant = entityManager.find(Tenant.class, tenantContext.requireTenantId());
        return new StorefrontView(storefront.getId(), storefront.getName(), storefront.getTagline(),
                tenant.getSlug(), tenant.getName(), storefront.getBranding().palette(), storefront.getLocale(),
                storefront.getCurrency(), storefront.getOwner().map(Organization::getName).orElse(null),
                storefront.getLogo().orElse(null), storefront.getFavicon().orElse(null), storefront.details(),
                storefront.bannerImageIds());
    }
}
