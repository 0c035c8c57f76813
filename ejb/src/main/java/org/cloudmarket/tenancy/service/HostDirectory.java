package org.cloudmarket.tenancy.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.cloudmarket.tenancy.domain.PlatformDomain;
import org.cloudmarket.tenancy.domain.StorefrontHost;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * The named cross-tenant lookup that turns a request's {@code Host} header into a tenant and a
 * storefront. It runs before any tenant is bound and reads platform tables only.
 */
@Stateless
@PermitAll
public class HostDirectory {

    @Inject
    private EntityManager entityManager;

    public Optional<HostRoute> route(String host) {
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        StorefrontHost route = entityManager.find(StorefrontHost.class, StorefrontHost.normalize(host));
        if (route == null) {
            return Optional.empty();
        }
        Tenant tenant = entityManager.find(Tenant.class, route.getTenantId());
        return Optional.of(new HostRoute(route.getHost(), tenant.getId(), tenant.getSlug(), route.getStorefrontId(),
                !PlatformDomain.isTenantHost(route.getHost(), tenant.getSlug())));
    }
}
