package org.cloudmarket.catalog.service;

import java.util.List;

/** One page of a catalog search: {@code total} products match, {@code page} counts from 0. */
public record CatalogPage(List<ProductSummary> items, int page, int size, long total) {

    public int pages() {
        return (int) ((total + size - 1) / size);
    }
}
