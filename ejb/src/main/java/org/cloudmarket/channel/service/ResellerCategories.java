package org.cloudmarket.channel.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import org.cloudmarket.catalog.domain.Category;
import org.cloudmarket.catalog.domain.CategoryProduct;
import org.cloudmarket.catalog.domain.Product;
import org.cloudmarket.catalog.domain.Slugs;
import org.cloudmarket.catalog.service.CategoryView;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.tenancy.domain.Organization;

/**
 * A reseller's own categories, which it fills with products it resells; its storefront shows them
 * beside the marketplace's (see {@code catalog.service.StorefrontCategories}). Only a category's
 * reseller changes it.
 */
@Stateless
@RolesAllowed(Role.Names.RESELLER)
public class ResellerCategories {

    @Inject
    private EntityManager entityManager;

    @Inject
    private Caller caller;

    @Inject
    private ResoldPlans resold;

    public List<CategoryView> mine() {
        return entityManager.createNamedQuery(Category.OWN, Category.class).setParameter("owner", caller.organization().getId())
                .getResultStream().map(CategoryView::of).toList();
    }

    public CategoryView create(String name) {
        Organization reseller = caller.organization();
        String slug = Slugs.of(name == null ? "" : name);
        boolean taken = entityManager.createQuery("SELECT COUNT(c) FROM Category c WHERE c.slug = :slug", Long.class)
                .setParameter("slug", slug).getSingleResult() > 0;
        if (taken) {
            throw new Conflict("A category '" + slug + "' exists on this marketplace: pick another name");
        }
        Category category = new Category(reseller, name, 100 + mine().size());
        entityManager.persist(category);
        entityManager.flush();
        return CategoryView.of(category);
    }

    /** Puts a product the reseller resells in one of its categories. */
    public void add(long categoryId, long productId) {
        Category category = own(categoryId);
        Product product = resold.product(caller.organization(), productId, "productId");
        boolean present = entityManager.createQuery(
                        "SELECT COUNT(cp) FROM CategoryProduct cp WHERE cp.category = :category AND cp.product = :product", Long.class)
                .setParameter("category", category).setParameter("product", product).getSingleResult() > 0;
        if (!present) {
            entityManager.persist(new CategoryProduct(category, product));
        }
    }

    private Category own(long categoryId) {
        Category category = entityManager.find(Category.class, categoryId);
        if (category == null || !Objects.equals(category.getOwnerId(), caller.organization().getId())) {
            throw new NotFound("Category " + categoryId + " was not found");
        }
        return category;
    }
}
