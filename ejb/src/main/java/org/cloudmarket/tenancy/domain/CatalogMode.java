package org.cloudmarket.tenancy.domain;

/** What a storefront's catalog offers: everything, prices without buying, or neither. */
public enum CatalogMode {
    STANDARD, LISTING, SHOWCASE;

    public boolean showsPrices() {
        return this != SHOWCASE;
    }

    public boolean sells() {
        return this == STANDARD;
    }
}
