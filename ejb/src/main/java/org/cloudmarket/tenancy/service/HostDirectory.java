package org.cloudmarket.tenancy.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
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

    /**
     * A host name of a tenant's storefront, to tell a customer where its store is: one of the
     * tenant's own sub-domains where it has one (always served), else a custom domain.
     */
    public Optional<String> hostOf(long tenantId, String tenantSlug, long storefrontId) {
        List<String> hosts = entityManager.createNamedQuery(StorefrontHost.OF_STOREFRONT, String.class)
                .setParameter("tenantId", tenantId).setParameter("storefrontId", storefrontId).getResultList();
        return hosts.stream().filter(host -> PlatformDomain.isTenantHost(host, tenantSlug)).findFirst()
                .or(() -> hosts.stream().findFirst());
    }
}
