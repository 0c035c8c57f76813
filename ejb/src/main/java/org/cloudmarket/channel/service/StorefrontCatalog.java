package org.cloudmarket.channel.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.cloudmarket.catalog.service.CatalogPage;
import org.cloudmarket.catalog.service.CatalogQuery;
import org.cloudmarket.catalog.service.ProductView;
import org.cloudmarket.catalog.service.PublishedCatalog;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * The catalog of the request's storefront: what it offers, at its prices (the tenant's storefront
 * at the vendors' prices, a reseller's at its sell-out prices; none in showcase mode).
 */
@Stateless
@PermitAll
public class StorefrontCatalog {

    @Inject
    private PublishedCatalog catalog;

    @Inject
    private StorefrontPricing pricing;

    @Inject
    private EntityManager entityManager;

    @Inject
    private TenantContext tenantContext;

    /** The marketplace's setting of the payment methods it takes (comma-separated), null when not set: all of them. */
    public String marketplacePaymentMethods() {
        return entityManager.find(Tenant.class, tenantContext.requireTenantId()).getSettings().get("payments.methods");
    }

    /** The marketplace's time zone, in which its days and billing periods start (pages show dates in it). */
    public java.time.ZoneId marketplaceZone() {
        return entityManager.find(Tenant.class, tenantContext.requireTenantId()).getTimeZone();
    }

    public CatalogPage search(CatalogQuery query) {
        return catalog.search(query, pricing.current());
    }

    public ProductView bySlug(String slug) {
        return catalog.bySlug(slug, pricing.current());
    }

    /** The product on sale here that holds the plan, at this storefront's prices; NotFound when it is not offered here. */
    public ProductView byPlan(long planId) {
        return catalog.byPlan(planId, pricing.current());
    }

    /** Whether this storefront shows prices at all (not in showcase mode, nor with the channel off). */
    public boolean showsPrices() {
        return pricing.current().showsPrices();
    }
}
