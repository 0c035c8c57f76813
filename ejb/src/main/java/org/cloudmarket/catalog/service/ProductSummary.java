package org.cloudmarket.catalog.service;

import java.math.BigDecimal;
import java.util.List;
import org.cloudmarket.catalog.domain.Category;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.catalog.domain.Product;
import org.cloudmarket.pricing.BillingUnit;

/** A product on a catalog page: what a buyer scans before opening it. */
public record ProductSummary(long id, String slug, String name, String summary, String kind, String status,
                             long vendorId, String vendorName, String categoryName, List<String> tags, int trialDays,
                             BigDecimal fromPrice, String currency, String billingLabel, Integer billingFrequency,
                             String billingUnit, boolean hasLogo) {

    static ProductSummary of(Product product, boolean hasLogo) {
        return of(product, hasLogo, PlanPrices.VENDOR);
    }

    /**
     * The product's cheapest offered plan at the given prices (null where not shown): cheapest per
     * month, so that 0.05 an hour (36.50 a month) is not "from" below 8.00 a month. It is shown at
     * its own period's price, with that period.
     */
    static ProductSummary of(Product product, boolean hasLogo, PlanPrices prices) {
        Plan cheapest = null;
        BigDecimal fromPrice = null;
        BigDecimal cheapestMonthly = null;
        for (Plan plan : product.getPlans()) {
            BigDecimal price = prices.offers(plan) ? prices.periodPrice(plan).orElse(null) : null;
            BigDecimal monthly = price == null ? null : plan.getBillingUnit().perMonth(price, plan.getBillingFrequency());
            if (monthly != null && (cheapestMonthly == null || monthly.compareTo(cheapestMonthly) < 0)) {
                cheapest = plan;
                fromPrice = price;
                cheapestMonthly = monthly;
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

    /** The "from" price as a month's price: what the catalog's minPrice and maxPrice compare with (null when not shown). */
    public BigDecimal monthlyFromPrice() {
        return fromPrice == null ? null : BillingUnit.valueOf(billingUnit).perMonth(fromPrice, billingFrequency);
    }

    public boolean hasFreeTrial() {
        return trialDays > 0;
    }
}
