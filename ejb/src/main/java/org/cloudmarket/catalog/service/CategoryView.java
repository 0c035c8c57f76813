package org.cloudmarket.catalog.service;

import org.cloudmarket.catalog.domain.Category;

/** A category as storefronts and its reseller see it. */
public record CategoryView(long id, String name, String slug) {

    public static CategoryView of(Category category) {
        return new CategoryView(category.getId(), category.getName(), category.getSlug());
    }
}
