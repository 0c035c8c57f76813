package org.cloudmarket.tenancy.domain;

import java.net.URI;

/**
 * The platform's own domain: each tenant's storefronts live under {@code <tenant>.<domain>}
 * (system property {@code cloudmarket.platform.domain}, {@code localhost} by default). Any other
 * host name that routes is a custom domain, approved after its owner proved it holds it.
 */
public final class PlatformDomain {

    private static final String NAME = System.getProperty("cloudmarket.platform.domain", "localhost");

    private PlatformDomain() {
    }

    public static String name() {
        return NAME;
    }

    /** {@code acme.localhost}: the tenant's own sub-domain, under which its storefronts' names are free. */
    public static String ofTenant(String tenantSlug) {
        return tenantSlug + "." + NAME;
    }

    /** The tenant's own sub-domain reached like the request's origin: same scheme and port, {@code http://acme.localhost:8080}. */
    public static String tenantOrigin(String requestOrigin, String tenantSlug) {
        URI origin = URI.create(requestOrigin);
        return origin.getScheme() + "://" + ofTenant(tenantSlug) + (origin.getPort() < 0 ? "" : ":" + origin.getPort());
    }

    /** A host name under the tenant's own sub-domain (or that sub-domain itself). */
    public static boolean isTenantHost(String host, String tenantSlug) {
        return isUnder(host, ofTenant(tenantSlug));
    }

    /** A host name under the platform's domain, whichever tenant's. */
    public static boolean isPlatformHost(String host) {
        return isUnder(host, NAME);
    }

    static boolean isUnder(String host, String domain) {
        return host.equals(domain) || host.endsWith("." + domain);
    }
}
