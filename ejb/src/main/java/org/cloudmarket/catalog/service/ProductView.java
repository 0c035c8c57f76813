package org.cloudmarket.catalog.service;

import java.time.Instant;
import java.util.List;
import org.cloudmarket.catalog.domain.Category;
import org.cloudmarket.catalog.domain.Product;

/** A product with its plans, as the caller may see it; {@code lastDecision} only for its vendor and staff. */
public record ProductView(long id, String slug, String name, String summary, String description, Long categoryId,
                          String categoryName, List<String> tags, String faq, String terms, String privacy, int trialDays,
                          String kind, String status, long vendorId, String vendorName, Instant updatedAt, Instant publishedAt,
                          boolean hasLogo, int screenshots, List<PlanView> plans, DecisionView lastDecision) {

    /** The product as a storefront sells it: the plans it offers, at its prices. */
    static ProductView of(Product product, boolean hasLogo, int screenshots, PlanPrices prices) {
        ProductView vendor = of(product, hasLogo, screenshots, (DecisionView) null);
        List<PlanView> plans = product.getPlans().stream().filter(prices::offers).map(plan -> PlanView.of(plan, prices)).toList();
        return new ProductView(vendor.id, vendor.slug, vendor.name, vendor.summary, vendor.description, vendor.categoryId,
                vendor.categoryName, vendor.tags, vendor.faq, vendor.terms, vendor.privacy, vendor.trialDays, vendor.kind,
                vendor.status, vendor.vendorId, vendor.vendorName, vendor.updatedAt, vendor.publishedAt, hasLogo, screenshots,
                plans, null);
    }

    static ProductView of(Product product, boolean hasLogo, int screenshots, DecisionView lastDecision) {
        return new ProductView(product.getId(), product.getSlug(), product.getName(), product.getSummary(),
                product.getDescription(), product.getCategory().map(Category::getId).orElse(null),
                product.getCategory().map(Category::getName).orElse(null), product.getTags(), product.getFaq(),
                product.getTerms(), product.getPrivacy(), product.getTrialDays(), product.getKind().name(),
                product.getStatus().name(), product.getVendor().getId(), product.getVendor().getName(),
                product.getUpdatedAt(), product.getPublishedAt().orElse(null), hasLogo, screenshots,
                product.getPlans().stream().map(PlanView::of).toList(), lastDecision);
    }
}
