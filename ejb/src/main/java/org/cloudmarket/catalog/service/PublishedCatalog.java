package org.cloudmarket.catalog.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudmarket.catalog.domain.Product;
import org.cloudmarket.catalog.domain.ProductStatus;
import org.cloudmarket.shared.cache.TenantCache;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.OrganizationKind;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.eclipse.persistence.config.QueryHints;

/** What the storefront shows: published products only, searched, filtered and paginated in the database. */
@Stateless
@PermitAll
public class PublishedCatalog {

    @Inject
    private EntityManager entityManager;

    @Inject
    private ProductViews views;

    @Inject
    private TenantContext tenantContext;

    /**
     * A search at a storefront's prices. At the vendors' prices the database filters and pages.
     * A channel storefront's prices are resolved per plan through its lists: what it offers, and
     * from which price, is worked out once per chain and change of the tenant ({@link #offers});
     * a search then reads the matching ids in one query and loads only the page's products.
     */
    public CatalogPage search(CatalogQuery query, PlanPrices prices) {
        if (!prices.atVendorPrices()) {
            return searchAt(query, prices);
        }
        Map<String, Object> parameters = new HashMap<>();
        // at the vendors' prices: never a reseller's own bundle, which only its storefront offers
        String where = where(query, parameters) + " AND p.vendor.kind <> :resellerKind";
        parameters.put("resellerKind", OrganizationKind.RESELLER);
        TypedQuery<Product> page = withPlans(entityManager.createQuery("SELECT p FROM Product p" + where + " ORDER BY p.name, p.id",
                Product.class), BatchFetchType.IN).setFirstResult(query.page() * query.size()).setMaxResults(query.size());
        TypedQuery<Long> count = entityManager.createQuery("SELECT COUNT(p) FROM Product p" + where, Long.class);
        parameters.forEach((name, value) -> {
            page.setParameter(name, value);
            count.setParameter(name, value);
        });
        return new CatalogPage(views.summaries(page.getResultList(), prices), query.page(), query.size(), count.getSingleResult());
    }

    private CatalogPage searchAt(CatalogQuery query, PlanPrices prices) {
        Map<Long, Optional<BigDecimal>> offered = offers(prices);
        CatalogQuery unpriced = new CatalogQuery(query.text(), query.category(), query.vendorId(), null, null,
                query.freeTrialOnly(), 0, 1);
        Map<String, Object> parameters = new HashMap<>();
        TypedQuery<Long> ids = entityManager.createQuery("SELECT p.id FROM Product p" + where(unpriced, parameters)
                + " ORDER BY p.name, p.id", Long.class);
        parameters.forEach(ids::setParameter);
        List<Long> matching = ids.getResultStream().filter(offered::containsKey)
                .filter(id -> query.minPrice() == null || offered.get(id).filter(price -> price.compareTo(query.minPrice()) >= 0).isPresent())
                .filter(id -> query.maxPrice() == null || offered.get(id).filter(price -> price.compareTo(query.maxPrice()) <= 0).isPresent())
                .toList();
        int from = Math.min(matching.size(), query.page() * query.size());
        List<Long> pageIds = matching.subList(from, Math.min(matching.size(), from + query.size()));
        return new CatalogPage(views.summaries(load(pageIds), prices), query.page(), query.size(), matching.size());
    }

    /** The page's products, in the page's order, with their plans: a handful of queries whatever the page size. */
    private List<Product> load(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Product> byId = new HashMap<>();
        withPlans(entityManager.createQuery("SELECT p FROM Product p WHERE p.id IN :ids", Product.class), BatchFetchType.IN)
                .setParameter("ids", ids).getResultStream().forEach(product -> byId.put(product.getId(), product));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * What a channel storefront offers (a product with a plan every level sells) and from which
     * price per month, as minPrice and maxPrice compare (empty where none is shown): all its published products priced in memory,
     * read in a fixed number of queries, once per chain and change of the tenant: the key is the
     * chain itself, its rules compared whole (a record), so equal chains share one entry.
     */
    private Map<Long, Optional<BigDecimal>> offers(PlanPrices prices) {
        return OFFERS.get(tenantContext.requireTenantId(), prices, () -> {
            Map<Long, Optional<BigDecimal>> offered = new HashMap<>();
            withPlans(entityManager.createQuery("SELECT p FROM Product p WHERE p.status = :published", Product.class),
                    BatchFetchType.EXISTS).setParameter("published", ProductStatus.PUBLISHED).getResultStream()
                    .filter(product -> product.getPlans().stream().anyMatch(prices::offers))
                    .forEach(product -> offered.put(product.getId(), Optional.ofNullable(ProductSummary.of(product, false, prices).monthlyFromPrice())));
            return Map.copyOf(offered);
        });
    }

    private static final TenantCache<PlanPrices, Map<Long, Optional<BigDecimal>>> OFFERS = new TenantCache<>(Duration.ofMinutes(1), 200);

    /**
     * Reads the plans and what prices them (extra resources, metrics, bundle parts) for all the
     * products at once: IN for a page (it keeps the page's limit), EXISTS for a whole catalog.
     */
    private static <T> TypedQuery<T> withPlans(TypedQuery<T> query, BatchFetchType type) {
        return query.setHint(QueryHints.BATCH_TYPE, type)
                .setHint(QueryHints.BATCH, "p.plans")
                .setHint(QueryHints.BATCH, "p.plans.extraResources")
                .setHint(QueryHints.BATCH, "p.plans.metrics")
                .setHint(QueryHints.BATCH, "p.plans.bundleItems");
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

    /** The published product a plan of it belongs to, as bySlug shows it (the checkout opens on a plan id). */
    public ProductView byPlan(long planId, PlanPrices prices) {
        String slug = entityManager.createQuery("SELECT pl.product.slug FROM Plan pl WHERE pl.id = :plan", String.class)
                .setParameter("plan", planId).getResultStream().findFirst()
                .orElseThrow(() -> new NotFound("No plan " + planId + " in this catalog"));
        return bySlug(slug, prices);
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
            // a plan that allows a trial, of its own length or of the product's
            where.append(" AND EXISTS (SELECT pl FROM Plan pl WHERE pl.product = p"
                    + " AND pl.trialMode <> org.cloudmarket.catalog.domain.TrialMode.NOT_ALLOWED"
                    + " AND (pl.trialDays > 0 OR (pl.trialDays IS NULL AND p.trialDays > 0)))");
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
