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
