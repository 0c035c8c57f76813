package org.cloudmarket.platform.domain;

import java.net.URI;
import org.cloudmarket.tenancy.domain.PlatformDomain;

/**
 * Where a marketplace's storefront answers, as the operator reaches the platform: its sub-domain
 * of the platform's domain, with the scheme and port of the operator's request (so the demo's
 * {@code http://platform.localhost:8080} gives {@code http://initech.localhost:8080}).
 */
public final class MarketplaceAddress {

    private MarketplaceAddress() {
    }

    /** {@code scheme://<slug>.<domain>[:port]}, from the origin of the request (https without one). */
    public static String of(String requestOrigin, String slug) {
        String scheme = "https";
        int port = -1;
        if (requestOrigin != null && !requestOrigin.isBlank()) {
            URI origin = URI.create(requestOrigin);
            scheme = origin.getScheme();
            port = origin.getPort();
        }
        return scheme + "://" + PlatformDomain.ofTenant(slug) + (port == -1 ? "" : ":" + port);
    }
}
