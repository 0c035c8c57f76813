package org.cloudmarket.catalog.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Set;
import org.cloudmarket.catalog.domain.Product;
import org.cloudmarket.catalog.domain.Slugs;

/** A product's address in the catalog: its name as a slug, numbered when taken. */
@Dependent
public class ProductSlugs {

    /** Paths under /catalog that a product's slug must not shadow. */
    private static final Set<String> RESERVED = Set.of("categories");

    @Inject
    private EntityManager entityManager;

    public String free(String name) {
        String base = Slugs.of(name == null ? "" : name);
        String slug = RESERVED.contains(base) ? base + "-product" : base;
        for (int n = 2; entityManager.createNamedQuery(Product.SLUG_TAKEN, Long.class).setParameter("slug", slug)
                .getSingleResult() > 0; n++) {
            slug = base + "-" + n;
        }
        return slug;
    }
}
