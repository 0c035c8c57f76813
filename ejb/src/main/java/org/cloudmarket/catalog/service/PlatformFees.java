package org.cloudmarket.catalog.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.List;
import org.cloudmarket.catalog.domain.ExtraResource;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.catalog.domain.Product;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.pricing.PlatformFee;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.error.NotFound;

/**
 * The platform fee of an extra resource where it is not the marketplace's (DOMAIN, Decisions: Platform fee, "overridable
 * per extra resource"): the tenant's ADMIN sets it, in any status of the product, since it is the owner's share of the
 * vendor's income, not the vendor's terms (its own plan edits never carry it). Billing reads it on every run
 * (billing.service.FeeOverrides), as it reads the marketplace's fee: what a line keeps is the fee when it is billed.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class PlatformFees {

    public static final String FIELD = "platformFeePercent";

    @Inject
    private EntityManager entityManager;

    @Inject
    private ProductViews views;

    /** An extra resource and its own fee (null: the marketplace's), as the ADMIN's page lists them. */
    public record Row(long productId, String productName, String vendorName, long planId, String planName, long resourceId,
                      String resourceName, String billing, BigDecimal platformFeePercent) {
    }

    /** Every extra resource of every plan, by product name, plan position, then the resource's order. */
    public List<Row> list() {
        return entityManager.createQuery("SELECT p FROM Product p ORDER BY p.name, p.id", Product.class).getResultStream()
                .flatMap(product -> product.getPlans().stream().flatMap(plan -> plan.getExtraResources().stream()
                        .map(resource -> new Row(product.getId(), product.getName(), product.getVendor().getName(), plan.getId(),
                                plan.getName(), resource.getId(), resource.getName(), resource.getBilling().name(),
                                resource.getPlatformFeePercent().orElse(null)))))
                .toList();
    }

    /** Its own fee, or none ({@code null}: the marketplace's applies again). */
    public ProductView set(long productId, long planId, long resourceId, BigDecimal platformFeePercent) {
        Product product = entityManager.find(Product.class, productId);
        Plan plan = product == null ? null : product.getPlans().stream().filter(p -> p.getId() == planId).findFirst().orElse(null);
        ExtraResource resource = plan == null ? null : plan.extraResource(resourceId).orElse(null);
        if (resource == null) {
            throw new NotFound("Extra resource " + resourceId + " of plan " + planId + " of product " + productId + " was not found");
        }
        if (platformFeePercent != null) {
            PlatformFee.percent(FIELD, platformFeePercent);
            if (platformFeePercent.stripTrailingZeros().scale() > 2) {
                throw new InvalidInput(FIELD, FIELD + " has at most 2 decimals");
            }
        }
        resource.setPlatformFeePercent(platformFeePercent);
        entityManager.flush();
        return views.full(product, true);
    }
}
