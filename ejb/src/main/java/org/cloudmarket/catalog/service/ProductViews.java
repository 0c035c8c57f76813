package org.cloudmarket.catalog.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.cloudmarket.catalog.domain.Decision;
import org.cloudmarket.catalog.domain.Product;
import org.cloudmarket.catalog.domain.ProductImage;

/** Builds the views of products: their images counted, the last decision for those who may see it. */
@Dependent
public class ProductViews {

    @Inject
    private EntityManager entityManager;

    public ProductView full(Product product, boolean withDecision) {
        DecisionView last = withDecision
                ? entityManager.createNamedQuery(Decision.OF_SUBJECT, Decision.class)
                        .setParameter("subject", Decision.Subject.PRODUCT).setParameter("id", product.getId())
                        .setMaxResults(1).getResultStream().findFirst().map(DecisionView::of).orElse(null)
                : null;
        return ProductView.of(product, images(product, ProductImage.Kind.LOGO) > 0,
                (int) images(product, ProductImage.Kind.SCREENSHOT), last);
    }

    public ProductSummary summary(Product product) {
        return ProductSummary.of(product, images(product, ProductImage.Kind.LOGO) > 0);
    }

    public ProductSummary summary(Product product, PlanPrices prices) {
        return ProductSummary.of(product, images(product, ProductImage.Kind.LOGO) > 0, prices);
    }

    /** The product as a storefront sells it; never its decisions. */
    public ProductView sold(Product product, PlanPrices prices) {
        return ProductView.of(product, images(product, ProductImage.Kind.LOGO) > 0,
                (int) images(product, ProductImage.Kind.SCREENSHOT), prices);
    }

    private long images(Product product, ProductImage.Kind kind) {
        return entityManager.createQuery(
                        "SELECT COUNT(i) FROM ProductImage i WHERE i.product.id = :product AND i.kind = :kind", Long.class)
                .setParameter("product", product.getId()).setParameter("kind", kind).getSingleResult();
    }
}
