package org.cloudmarket.catalog.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.cloudmarket.catalog.domain.Category;
import org.cloudmarket.catalog.domain.Product;
import org.cloudmarket.catalog.domain.ProductImage;
import org.cloudmarket.catalog.domain.ProductStatus;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.shared.media.ImageStore;
import org.cloudmarket.shared.media.ServedImage;

/** Products as the caller may read them (see {@link CatalogAccess}), and their images. */
@Stateless
@PermitAll
public class ProductDirectory {

    @Inject
    private EntityManager entityManager;

    @Inject
    private CatalogAccess access;

    @Inject
    private ProductViews views;

    @Inject
    private Caller caller;

    @Inject
    private ImageStore images;

    public ProductView get(long productId) {
        Product product = access.readable(productId);
        return views.full(product, CatalogAccess.seesEverything(product, caller.current()));
    }

    /** A vendor's own products in every status; the staff's whole catalog; everyone else's published products. */
    public List<ProductSummary> list() {
        Optional<User> user = caller.current();
        List<Product> products;
        if (user.isPresent() && user.get().getRole() == Role.VENDOR) {
            products = entityManager.createNamedQuery(Product.OF_VENDOR, Product.class)
                    .setParameter("vendor", access.vendorOf(user.get()).getId()).getResultList();
        } else if (user.isPresent() && CatalogAccess.isStaff(user.get())) {
            products = entityManager.createNamedQuery(Product.ALL, Product.class).getResultList();
        } else {
            products = entityManager.createNamedQuery(Product.WITH_STATUS, Product.class)
                    .setParameter("status", ProductStatus.PUBLISHED).getResultList();
        }
        return products.stream().map(views::summary).toList();
    }

    public List<CategoryView> categories() {
        return entityManager.createNamedQuery(Category.ALL, Category.class).getResultStream().map(CategoryView::of).toList();
    }

    /**
     * A logo (position 0) or screenshot of a product the caller may read; its bytes only when the
     * client holds no copy of it ({@code clientHolds} tests a digest).
     */
    public ServedImage image(long productId, ProductImage.Kind kind, int position, Predicate<String> clientHolds) {
        access.readable(productId);
        return entityManager.createNamedQuery(ProductImage.AT, Long.class)
                .setParameter("product", productId).setParameter("kind", kind).setParameter("position", position)
                .getResultStream().findFirst()
                .flatMap(imageId -> images.serve(imageId, clientHolds))
                .orElseThrow(() -> new NotFound("Product " + productId + " has no such image"));
    }
}
