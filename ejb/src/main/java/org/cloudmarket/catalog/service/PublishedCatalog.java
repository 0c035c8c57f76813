package org.cloudmarket.catalog.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloudmarket.catalog.domain.Product;
import org.cloudmarket.catalog.domain.ProductStatus;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.tenancy.domain.OrganizationKind;

/** What the storefront shows: published products only, searched, filtered and paginated in the database. */
@Stateless
@PermitAll
public class PublishedCatalog {

    @Inject
    private EntityManager entityManager;

    @Inject
    private ProductViews views;

    /**
     * A search at a storefront's prices. At the vendors' prices the database filters and pages;
     * a channel storefront's prices are resolved per plan, so its few hundred products are
     * filtered by price and paged here.
     */
    public CatalogPage search(CatalogQuery query, PlanPrices prices) {
        if (!prices.atVendorPrices()) {
            return searchAt(query, prices);
        }
        Map<String, Object> parameters = new HashMap<>();
        // at the vendors' prices: never a reseller's own bundle, which only its storefront offers
        String where = where(query, parameters) + " AND p.vendor.kind <> :resellerKind";
        parameters.put("resellerKind", OrganizationKind.RESELLER);
        TypedQuery<Product> page = entityManager.createQuery("SELECT p FROM Product p" + where + " ORDER BY p.name, p.id", Product.class)
                .setFirstResult(query.page() * query.size()).setMaxResults(query.size());
        TypedQuery<Long> count = entityManager.createQuery("SELECT COUNT(p) FROM Product p" + where, Long.class);
        parameters.forEach((name, value) -> {
            page.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<ProductSummary> items = page.getResultStream().map(product -> views.summary(product, prices)).toList();
        return new CatalogPage(items, query.page(), query.size(), count.getSingleResult());
    }

    private CatalogPage searchAt(CatalogQuery query, PlanPrices prices) {
        CatalogQuery unpriced = new CatalogQuery(query.text(), query.category(), query.vendorId(), null, null,
                query.freeTrialOnly(), 0, 1);
        Map<String, Object> parameters = new HashMap<>();
        TypedQuery<Product> all = entityManager.createQuery("SELECT p FROM Product p" + where(unpriced, parameters)
                + " ORDER BY p.name, p.id", Product.class);
        parameters.forEach(all::setParameter);
        List<ProductSummary> matching = all.getResultStream()
                .filter(product -> product.getPlans().stream().anyMatch(prices::offers))
                .map(product -> views.summary(product, prices))
                // per month, as the stored from_price the database filters by at the vendors' prices
                .filter(summary -> query.minPrice() == null
                        || (summary.fromPrice() != null && summary.monthlyFromPrice().compareTo(query.minPrice()) >= 0))
                .filter(summary -> query.maxPrice() == null
                        || (summary.fromPrice() != null && summary.monthlyFromPrice().compareTo(query.maxPrice()) <= 0))
                .toList();
        int from = Math.min(matching.size(), query.page() * query.size());
        return new CatalogPage(matching.subList(from, Math.min(matching.size(), from + query.size())), query.page(), query.size(),
                matching.size());
    }

    /** A published product the storefront offers, at its prices. */
    public ProductView bySlug(String slug, PlanPrices prices) {
        return entityManager.createQuery("SELECT p FROM Product p WHERE p.slug = :slug AND p.status = :published", Product.class)
                .setParameter("slug", slug).setParameter("published", ProductStatus.PUBLISHED)
                .getResultStream().findFirst()
                .filter(product -> product.getPlans().stream().anyMatch(prices::offers))
                .map(product -> views.sold(product, prices))
                .orElseThrow(() -> new NotFound("No product " + slug + " in this catalog"));
    }

    /** The vendors that have something on sale, by id, for the vendor filter. */
    public Map<Long, String> vendors() {
        Map<Long, String> vendors = new java.util.LinkedHashMap<>();
        entityManager.createQuery("SELECT DISTINCT p.vendor.id, p.vendor.name FROM Product p WHERE p.status = :published "
                        + "AND p.vendor.kind = :vendor ORDER BY p.vendor.name", Object[].class)
                .setParameter("published", ProductStatus.PUBLISHED).setParameter("vendor", OrganizationKind.VENDOR)
                .getResultStream().forEach(row -> vendors.put((Long) row[0], (String) row[1]));
        return vendors;
    }

    /** Each search word must appear somewhere in the product's text, its tags or its vendor's name. */
    private static String where(CatalogQuery query, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE p.status = :published");
        parameters.put("published", ProductStatus.PUBLISHED);
        // Plan.partsOnSale in the database: listed while one of its plans has no retired part (a bundle stops selling)
        where.append(" AND EXISTS (SELECT pl FROM Plan pl WHERE pl.product = p AND NOT EXISTS (SELECT i FROM BundleItem i"
                + " WHERE i.bundlePlan = pl AND i.componentPlan.product.status <> :published))");
        List<String> words = query.words();
        for (int i = 0; i < words.size(); i++) {
            String name = "w" + i;
            where.append(" AND (LOWER(p.name) LIKE :").append(name).append(" ESCAPE '!' OR LOWER(p.summary) LIKE :").append(name)
                    .append(" ESCAPE '!' OR LOWER(p.description) LIKE :").append(name).append(" ESCAPE '!' OR p.tags LIKE :")
                    .append(name).append(" ESCAPE '!' OR LOWER(p.vendor.name) LIKE :").append(name).append(" ESCAPE '!')");
            parameters.put(name, "%" + words.get(i).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (query.category() != null && !query.category().isBlank()) {
            // the marketplace's category of the product, or a reseller's own category holding it
            where.append(" AND (p.category IN (SELECT c FROM Category c WHERE c.slug = :category)"
                    + " OR EXISTS (SELECT cp FROM CategoryProduct cp WHERE cp.product = p AND cp.category.slug = :category))");
            parameters.put("category", query.category());
        }
        if (query.vendorId() != null) {
            where.append(" AND p.vendor.id = :vendor");
            parameters.put("vendor", query.vendorId());
        }
        if (query.freeTrialOnly()) {
            where.append(" AND p.trialDays > 0 AND EXISTS (SELECT pl FROM Plan pl WHERE pl.product = p AND pl.trialAllowed = TRUE)");
        }
        if (query.minPrice() != null) {
            where.append(" AND p.fromPrice >= :minPrice");
            parameters.put("minPrice", query.minPrice());
        }
        if (query.maxPrice() != null) {
            where.append(" AND p.fromPrice <= :maxPrice");
            parameters.put("maxPrice", query.maxPrice());
        }
        return where.toString();
    }
}
