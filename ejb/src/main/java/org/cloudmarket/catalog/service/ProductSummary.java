package org.cloudmarket.catalog.service;

import java.math.BigDecimal;
import java.util.List;
import org.cloudmarket.catalog.domain.Category;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.catalog.domain.Product;

/** A product on a catalog page: what a buyer scans before opening it. */
public record ProductSummary(long id, String slug, String name, String summary, String kind, String status,
                             long vendorId, String vendorName, String categoryName, List<String> tags, int trialDays,
                             BigDecimal fromPrice, String currency, String billingLabel, Integer billingFrequency,
                             String billingUnit, boolean hasLogo) {

    static ProductSummary of(Product product, boolean hasLogo) {
        return of(product, hasLogo, PlanPrices.VENDOR);
    }

    /** The product's cheapest offered plan, per billing period, at the given prices (null where not shown). */
    static ProductSummary of(Product product, boolean hasLogo, PlanPrices prices) {
        Plan cheapest = null;
        BigDecimal fromPrice = null;
        for (Plan plan : product.getPlans()) {
            BigDecimal price = prices.offers(plan) ? prices.periodPrice(plan).orElse(null) : null;
            if (price != null && (fromPrice == null || price.compareTo(fromPrice) < 0)) {
                cheapest = plan;
                fromPrice = price;
            }
        }
        PlanView plan = cheapest == null ? null : PlanView.of(cheapest);
        // the storefront's currency, which is not the vendor's when the storefront converts
        String currency = cheapest == null ? null
                : prices.pricing(cheapest).map(priced -> priced.license().currency().getCurrencyCode()).orElse(plan.currency());
        return new ProductSummary(product.getId(), product.getSlug(), product.getName(), product.getSummary(),
                product.getKind().name(), product.getStatus().name(), product.getVendor().getId(), product.getVendor().getName(),
                product.getCategory().map(Category::getName).orElse(null), product.getTags(), product.getTrialDays(),
                fromPrice, currency, plan == null ? null : plan.billingLabel(),
                plan == null ? null : plan.billingFrequency(), plan == null ? null : plan.billingUnit(), hasLogo);
    }

    public boolean hasFreeTrial() {
        return trialDays > 0;
    }
}
