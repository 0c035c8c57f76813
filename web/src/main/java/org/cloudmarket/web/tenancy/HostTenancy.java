package org.cloudmarket.web.tenancy;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.service.HostDirectory;
import org.cloudmarket.tenancy.service.HostRoute;

/**
 * Binds a web request to the tenant and storefront its {@code Host} header names. The first
 * component that sees the request (the authentication mechanism) calls {@link #bind}; everything
 * after reads the same answer. A client-supplied tenant id is never consulted.
 */
@RequestScoped
public class HostTenancy {

    @Inject
    private HostDirectory hostDirectory;

    @Inject
    private TenantContext tenantContext;

    private Optional<HostRoute> route;

    public Optional<HostRoute> bind(HttpServletRequest request) {
        if (route == null) {
            route = hostDirectory.route(request.getServerName());
            route.ifPresent(found -> {
                tenantContext.bind(found.tenantId());
                tenantContext.bindStorefront(found.storefrontId(), found.customDomain());
                tenantContext.bindOrigin(origin(request));
            });
        }
        return route;
    }

    private static String origin(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean defaultPort = ("https".equals(request.getScheme()) && port == 443) || ("http".equals(request.getScheme()) && port == 80);
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }

    /** The route of a request the authentication mechanism let through: one with a storefront. */
    public HostRoute route() {
        if (route == null || route.isEmpty()) {
            throw new IllegalStateException("This request has no storefront");
        }
        return route.get();
    }
}
