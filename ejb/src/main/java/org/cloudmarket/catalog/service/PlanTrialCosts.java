package org.cloudmarket.catalog.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.List;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.catalog.domain.Product;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.shared.error.NotFound;

/**
 * A plan's daily trial and sandbox cost (DOMAIN, Decisions: Platform fee): the tenant's ADMIN sets it, in any status of
 * the product, since it is what the marketplace's infrastructure costs, not the vendor's terms; the vendor cannot (its
 * own plan edits never carry it). Charged to the vendor by billing's VendorCosts, month by month.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class PlanTrialCosts {

    @Inject
    private EntityManager entityManager;

    @Inject
    private ProductViews views;

    /** A plan and its cost, as the ADMIN's page lists them. */
    public record Row(long productId, String productName, String vendorName, String productStatus, long planId, String planName,
                      BigDecimal dailyTrialCost) {
    }

    /** Every plan of every product, by product name then plan position. */
    public List<Row> list() {
        return entityManager.createQuery("SELECT p FROM Product p ORDER BY p.name, p.id", Product.class).getResultStream()
                .flatMap(product -> product.getPlans().stream().map(plan -> new Row(product.getId(), product.getName(),
                        product.getVendor().getName(), product.getStatus().name(), plan.getId(), plan.getName(), plan.getDailyTrialCost())))
                .toList();
    }

    public ProductView set(long productId, long planId, BigDecimal dailyTrialCost) {
        Product product = entityManager.find(Product.class, productId);
        Plan plan = product == null ? null : product.getPlans().stream().filter(p -> p.getId() == planId).findFirst().orElse(null);
        if (plan == null) {
            throw new NotFound("Plan " + planId + " of product " + productId + " was not found");
        }
        plan.setDailyTrialCost(dailyTrialCost);
        entityManager.flush();
        return views.full(product, true);
    }
}
