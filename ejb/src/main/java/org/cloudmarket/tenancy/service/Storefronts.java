package org.cloudmarket.tenancy.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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

    public StorefrontView view(long storefrontId) {
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
