package org.cloudmarket.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Locale;

/**
 * The platform's routing table: which storefront of which tenant answers a host name (sub-domain
 * or custom domain). Host names are unique across tenants, so this is platform data, read only by
 * {@code HostDirectory}, the named cross-tenant lookup that runs before a tenant is known.
 */
@Entity
@Table(name = "storefront_host")
@NamedQuery(name = StorefrontHost.OF_STOREFRONT,
        query = "SELECT h.host FROM StorefrontHost h WHERE h.tenantId = :tenantId AND h.storefrontId = :storefrontId ORDER BY h.host")
public class StorefrontHost {

    /** The host names of one storefront of one tenant. */
    public static final String OF_STOREFRONT = "StorefrontHost.ofStorefront";

    @Id
    private String host;

    @Column(name = "tenant_id")
    private long tenantId;

    @Column(name = "storefront_id")
    private long storefrontId;

    protected StorefrontHost() {
    }

    public StorefrontHost(String host, long tenantId, long storefrontId) {
        this.host = normalize(host);
        this.tenantId = tenantId;
        this.storefrontId = storefrontId;
    }

    /** Host names compare case-insensitively, without port and without the trailing root dot. */
    public static String normalize(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        int colon = name.lastIndexOf(':');
        if (colon > 0 && name.indexOf(']') < colon) {
            name = name.substring(0, colon);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    public String getHost() {
        return host;
    }

    public long getTenantId() {
        return tenantId;
    }

    public long getStorefrontId() {
        return storefrontId;
    }
}
