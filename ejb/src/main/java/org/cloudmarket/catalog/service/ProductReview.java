package org.cloudmarket.catalog.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import org.cloudmarket.catalog.domain.Decision;
import org.cloudmarket.catalog.domain.Product;
import org.cloudmarket.catalog.domain.ProductStatus;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.messaging.service.Notifications;
import org.cloudmarket.shared.error.NotFound;

/** The tenant's review of submitted products: each decision is recorded and sent to the vendor. */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR})
public class ProductReview {

    @Inject
    private EntityManager entityManager;

    @Inject
    private Caller caller;

    @Inject
    private ProductViews views;

    @Inject
    private Notifications notifications;

    @Inject
    private Clock clock;

    /** Submitted products, oldest first: the approval queue. */
    public List<ProductSummary> queue() {
        return entityManager.createNamedQuery(Product.WITH_STATUS, Product.class)
                .setParameter("status", ProductStatus.SUBMITTED).getResultStream().map(views::summary).toList();
    }

    public ProductView decide(long productId, boolean approve, String reason) {
        Product product = entityManager.find(Product.class, productId);
        if (product == null) {
            throw new NotFound("Product " + productId + " was not found");
        }
        Decision decision = new Decision(Decision.Subject.PRODUCT, productId,
                approve ? Decision.Outcome.APPROVED : Decision.Outcome.REJECTED, reason, caller.user(), clock.instant());
        if (approve) {
            product.approve(clock.instant());
        } else {
            product.reject(clock.instant());
        }
        entityManager.persist(decision);
        notifications.send(product.getVendor(),
                product.getName() + (approve ? " is approved" : " was rejected"),
                approve ? "You can publish it when you are ready." + (decision.getReason().isEmpty() ? "" : " Note: " + decision.getReason())
                        : "Reason: " + decision.getReason() + " Change it and submit it again.");
        entityManager.flush();
        return views.full(product, true);
    }
}
