package org.cloudmarket.shared.tenant;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one place that says which tenant the current unit of work belongs to. Web requests bind it
 * from the {@code Host} header; batch work and the demo seeder run a block of work as a tenant.
 * {@link TenantEntityManagers} creates each transaction's persistence context for it.
 */
@RequestScoped
public class TenantContext {

    private Long tenantId;
    private Long storefrontId;
    private boolean customDomain;
    private String origin;

    public Optional<Long> tenantId() {
        return Optional.ofNullable(tenantId);
    }

    public long requireTenantId() {
        if (tenantId == null) {
            throw new IllegalStateException("No tenant is bound to this unit of work");
        }
        return tenantId;
    }

    /** Binds the tenant of a request once; a second, different tenant is a programming error. */
    public void bind(long tenantId) {
        if (this.tenantId != null && this.tenantId != tenantId) {
            throw new IllegalStateException("This unit of work already belongs to tenant " + this.tenantId);
        }
        this.tenantId = tenantId;
    }

    /** The storefront a web request came through (its host); batch work has none. */
    public Optional<Long> storefrontId() {
        return Optional.ofNullable(storefrontId);
    }

    public void bindStorefront(long storefrontId, boolean customDomain) {
        this.storefrontId = storefrontId;
        this.customDomain = customDomain;
    }

    /** The request came through a custom domain, not one of the tenant's own sub-domains. */
    public boolean onCustomDomain() {
        return customDomain;
    }

    /**
     * Where links in what this request sends (a verification mail, an invitation) point: the
     * scheme, host and port the client used, {@code http://cloudy.acme.localhost:8080}. The host is
     * one the request was routed by, so it is always one of the tenant's own.
     */
    public Optional<String> origin() {
        return Optional.ofNullable(origin);
    }

    public void bindOrigin(String origin) {
        this.origin = origin;
    }

    /**
     * Runs work as the given tenant and restores the previous binding afterwards: the tenant, and
     * the storefront and origin the work may bind for what it sends (a new marketplace's invitation
     * is branded with, and links to, the new storefront, not the platform's that the request came through).
     */
    public <T> T callAs(long tenantId, Supplier<T> work) {
        Long previous = this.tenantId;
        Long previousStorefront = this.storefrontId;
        boolean previousCustomDomain = this.customDomain;
        String previousOrigin = this.origin;
        this.tenantId = tenantId;
        // the request's storefront and origin are another tenant's: the work binds its own, if any
        this.storefrontId = null;
        this.customDomain = false;
        this.origin = null;
        try {
            return work.get();
        } finally {
            this.tenantId = previous;
            this.storefrontId = previousStorefront;
            this.customDomain = previousCustomDomain;
            this.origin = previousOrigin;
        }
    }
}
