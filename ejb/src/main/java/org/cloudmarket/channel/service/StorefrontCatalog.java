package org.cloudmarket.channel.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.cloudmarket.catalog.service.CatalogPage;
import org.cloudmarket.catalog.service.CatalogQuery;
import org.cloudmarket.catalog.service.ProductView;
import org.cloudmarket.catalog.service.PublishedCatalog;

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

    public CatalogPage search(CatalogQuery query) {
        return catalog.search(query, pricing.current());
    }

    public ProductView bySlug(String slug) {
        return catalog.bySlug(slug, pricing.current());
    }

    /** Whether this storefront shows prices at all (not in showcase mode, nor with the channel off). */
    public boolean showsPrices() {
        return pricing.current().showsPrices();
    }
}
