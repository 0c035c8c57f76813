package org.cloudmarket.catalog.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.cloudmarket.catalog.domain.Category;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.Storefront;

/**
 * The categories a storefront shows: the marketplace's, and on a reseller's storefront the
 * reseller's own too (which the reseller keeps through {@code channel.service.ResellerCategories}).
 */
@Stateless
@PermitAll
public class StorefrontCategories {

    @Inject
    private EntityManager entityManager;

    @Inject
    private TenantContext tenantContext;

    /** The categories of the request's storefront. */
    public List<CategoryView> ofStorefront() {
        Long owner = tenantContext.storefrontId().map(id -> entityManager.find(Storefront.class, id))
                .flatMap(Storefront::getOwner).map(Organization::getId).orElse(null);
        var query = owner == null ? entityManager.createNamedQuery(Category.ALL, Category.class)
                : entityManager.createNamedQuery(Category.FOR_OWNER, Category.class).setParameter("owner", owner);
        return query.getResultStream().map(CategoryView::of).toList();
    }
}
