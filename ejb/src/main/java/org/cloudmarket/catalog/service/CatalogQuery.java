package org.cloudmarket.catalog.service;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Decimals;

/**
 * A storefront search: words that must all appear in a product's name, summary, description,
 * tags or vendor; filters by category slug, vendor, price range per month (Product.fromPrice) and free trial.
 */
public record CatalogQuery(String text, String category, Long vendorId, BigDecimal minPrice, BigDecimal maxPrice,
                           boolean freeTrialOnly, int page, int size) {

    public static final int MAX_SIZE = 48;

    public CatalogQuery {
        if (page < 0 || page > 100_000) {
            throw new InvalidInput("page", "Pages count from 0 to 100000");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInput("size", "A page holds 1 to " + MAX_SIZE + " products");
        }
        Decimals.bounded("minPrice", minPrice);
        Decimals.bounded("maxPrice", maxPrice);
        if (minPrice != null && minPrice.signum() < 0) {
            throw new InvalidInput("minPrice", "minPrice cannot be negative");
        }
        if (minPrice != null && maxPrice != null && maxPrice.compareTo(minPrice) < 0) {
            throw new InvalidInput("maxPrice", "maxPrice is below minPrice");
        }
        if (text != null && text.length() > 200) {
            throw new InvalidInput("q", "Search with at most 200 characters");
        }
    }

    public static CatalogQuery firstPage(int size) {
        return new CatalogQuery(null, null, null, null, null, false, 0, size);
    }

    /** The search words, lower case, at most 8 of them. */
    List<String> words() {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\s+")).filter(word -> !word.isEmpty())
                .distinct().limit(8).toList();
    }
}
