package org.cloudmarket.catalog.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /** A catalog page: the products' logos counted in one query, not one per product. */
    public List<ProductSummary> summaries(List<Product> products, PlanPrices prices) {
        if (products.isEmpty()) {
            return List.of();
        }
        Set<Long> withLogo = new HashSet<>(entityManager.createQuery("SELECT DISTINCT i.product.id FROM ProductImage i "
                        + "WHERE i.kind = :kind AND i.product.id IN :products", Long.class)
                .setParameter("kind", ProductImage.Kind.LOGO)
                .setParameter("products", products.stream().map(Product::getId).toList()).getResultList());
        return products.stream().map(product -> ProductSummary.of(product, withLogo.contains(product.getId()), prices)).toList();
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
