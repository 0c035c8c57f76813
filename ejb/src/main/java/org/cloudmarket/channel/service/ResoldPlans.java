package org.cloudmarket.channel.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.catalog.domain.Product;
import org.cloudmarket.catalog.domain.ProductKind;
import org.cloudmarket.catalog.domain.ProductStatus;
import org.cloudmarket.catalog.domain.VendorStatus;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;

/**
 * The one rule for "the plans this organization resells", which its costs, services, bundles,
 * categories and coupons all use: a plan of a published standard product, sold by a vendor the
 * marketplace approved, that every level of the channel above the organization lists. Drafts,
 * products in review, rejected or retired ones, bundles and other resellers' products are never
 * resold, and asking for one is answered as for an id that does not exist, so nothing of it shows.
 */
@Dependent
public class ResoldPlans {

    /** What may be resold at all, before the channel's lists are asked. */
    private static final String RESELLABLE = "SELECT pl FROM Plan pl WHERE pl.product.status = :published"
            + " AND pl.product.kind = :standard AND pl.product.vendor.kind = :vendor"
            + " AND EXISTS (SELECT r FROM VendorRegistration r WHERE r.organization = pl.product.vendor AND r.status = :approved)";

    @Inject
    private EntityManager entityManager;

    @Inject
    private StorefrontPricing pricing;

    /** The plans the organization resells, with what it pays for them. */
    public List<Plan> of(Organization organization) {
        Optional<StorefrontChain> chain = pricing.costsOf(organization);
        if (chain.isEmpty()) {
            return List.of();
        }
        return resellable("", null).getResultStream().filter(chain.get()::offers).toList();
    }

    /** The plan, when the organization resells it; otherwise a refusal of the field that named it. */
    public Plan plan(Organization organization, Long planId, String field) {
        return planId == null ? null : resold(organization, resellable(" AND pl.id = :id", planId))
                .orElseThrow(() -> new InvalidInput(field, "Plan " + planId + " is not a plan you resell"));
    }

    /** The plan, when it may be resold at all (what the marketplace's wholesale lists price); otherwise a refusal. */
    public Plan resellable(Long planId, String field) {
        return resellable(" AND pl.id = :id", planId).getResultStream().findFirst()
                .orElseThrow(() -> new InvalidInput(field, "Plan " + planId + " is not a plan the channel may resell"));
    }

    /** The product, when the organization resells one of its plans; otherwise a refusal of the field. */
    public Product product(Organization organization, Long productId, String field) {
        return productId == null ? null : resold(organization, resellable(" AND pl.product.id = :id", productId))
                .map(Plan::getProduct)
                .orElseThrow(() -> new InvalidInput(field, "Product " + productId + " is not a product you resell"));
    }

    private Optional<Plan> resold(Organization organization, TypedQuery<Plan> candidates) {
        Optional<StorefrontChain> chain = pricing.costsOf(organization);
        return chain.flatMap(levels -> candidates.getResultStream().filter(levels::offers).findFirst());
    }

    private TypedQuery<Plan> resellable(String and, Long id) {
        TypedQuery<Plan> query = entityManager.createQuery(RESELLABLE + and + " ORDER BY pl.id", Plan.class)
                .setParameter("published", ProductStatus.PUBLISHED).setParameter("standard", ProductKind.STANDARD)
                .setParameter("vendor", OrganizationKind.VENDOR).setParameter("approved", VendorStatus.APPROVED);
        return id == null ? query : query.setParameter("id", id);
    }
}
