package org.cloudmarket.catalog.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.cloudmarket.catalog.domain.BundleItem;
import org.cloudmarket.catalog.domain.Category;
import org.cloudmarket.catalog.domain.ExtraResource;
import org.cloudmarket.catalog.domain.ExtraResourceTerms;
import org.cloudmarket.catalog.domain.Metric;
import org.cloudmarket.catalog.domain.MetricTerms;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.catalog.domain.PlanTerms;
import org.cloudmarket.catalog.domain.Product;
import org.cloudmarket.catalog.domain.ProductDetails;
import org.cloudmarket.catalog.domain.ProductImage;
import org.cloudmarket.catalog.domain.ProductKind;
import org.cloudmarket.catalog.domain.ProductStatus;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.pricing.BundleComponent;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.shared.media.ImageStore;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * A vendor's onboarding of its products: marketing data, plans, extra resources, metrics and
 * bundles, then submission for review. Only the product's own vendor changes it, and only while it
 * is a draft or was rejected.
 */
@Stateless
@RolesAllowed(Role.Names.VENDOR)
public class ProductEditor {


    @Inject
    private EntityManager entityManager;

    @Inject
    private CatalogAccess access;

    @Inject
    private ProductViews views;

    @Inject
    private Caller caller;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private ProductSlugs slugs;

    @Inject
    private Clock clock;

    @Inject
    private ImageStore images;

    /** Plans are priced in the marketplace's currency; storefronts show them in theirs through the channel. */
    public Currency currency() {
        return entityManager.find(Tenant.class, tenantContext.requireTenantId()).getDefaultCurrency();
    }

    public ProductView create(ProductDetails details, ProductKind kind) {
        Organization vendor = access.vendorOf(caller.user());
        Product product = new Product(vendor, kind == null ? ProductKind.STANDARD : kind, slugs.free(details.name()), clock.instant());
        product.describe(details, category(details.categoryId()), clock.instant());
        entityManager.persist(product);
        entityManager.flush();
        return views.full(product, true);
    }

    /**
     * The onboarding wizard's one step: a product with its plans and their extra resources, saved
     * as a draft or submitted, all in one transaction: nothing half-written.
     */
    public ProductView onboard(ProductDetails details, List<PlanDraft> plans, boolean submit) {
        Organization vendor = access.vendorOf(caller.user());
        if (submit) {
            access.requireApproved(vendor);
        }
        Product product = new Product(vendor, ProductKind.STANDARD, slugs.free(details.name()), clock.instant());
        product.describe(details, category(details.categoryId()), clock.instant());
        for (PlanDraft draft : plans) {
            Plan plan = product.addPlan(inMarketplaceCurrency(draft.terms()), clock.instant());
            draft.metrics().forEach(plan::addMetric); // first: a pay-as-you-go resource names its metric
            draft.extraResources().forEach(plan::addExtraResource);
        }
        entityManager.persist(product);
        if (submit) {
            product.submit(clock.instant());
        }
        return flushed(product);
    }

    public ProductView describe(long productId, ProductDetails details) {
        Product product = access.editable(productId);
        product.describe(details, category(details.categoryId()), clock.instant());
        return flushed(product);
    }

    public ProductView addPlan(long productId, PlanTerms terms) {
        Product product = access.editable(productId);
        product.addPlan(inMarketplaceCurrency(terms), clock.instant());
        return flushed(product);
    }

    public ProductView updatePlan(long productId, long planId, PlanTerms terms) {
        Product product = access.editable(productId);
        product.touch(clock.instant());
        Plan plan = plan(product, planId);
        if (product.getKind() == ProductKind.BUNDLE && (terms.license().signum() != 0 || terms.setupFee().signum() != 0)) {
            throw new InvalidInput("licensePrice", "A bundle costs the sum of its discounted plans: its own prices are zero");
        }
        plan.apply(inMarketplaceCurrency(terms));
        return flushed(product);
    }

    public ProductView removePlan(long productId, long planId) {
        Product product = access.editable(productId);
        Plan plan = plan(product, planId);
        long bundled = entityManager.createQuery("SELECT COUNT(i) FROM BundleItem i WHERE i.componentPlan = :plan", Long.class)
                .setParameter("plan", plan).getSingleResult();
        if (bundled > 0) {
            throw new Conflict(plan.getName() + " is part of a bundle: take it out of the bundle first");
        }
        product.removePlan(plan, clock.instant());
        return flushed(product);
    }

    public ProductView addExtraResource(long productId, long planId, ExtraResourceTerms terms) {
        Product product = access.editable(productId);
        product.touch(clock.instant());
        plan(product, planId).addExtraResource(terms);
        return flushed(product);
    }

    public ProductView updateExtraResource(long productId, long planId, long resourceId, ExtraResourceTerms terms) {
        Product product = access.editable(productId);
        product.touch(clock.instant());
        extraResource(plan(product, planId), resourceId).apply(terms);
        return flushed(product);
    }

    public ProductView removeExtraResource(long productId, long planId, long resourceId) {
        Product product = access.editable(productId);
        product.touch(clock.instant());
        Plan plan = plan(product, planId);
        plan.removeExtraResource(extraResource(plan, resourceId));
        return flushed(product);
    }

    public ProductView addMetric(long productId, long planId, MetricTerms terms) {
        Product product = access.editable(productId);
        product.touch(clock.instant());
        plan(product, planId).addMetric(terms);
        return flushed(product);
    }

    public ProductView removeMetric(long productId, long planId, long metricId) {
        Product product = access.editable(productId);
        product.touch(clock.instant());
        Plan plan = plan(product, planId);
        Metric metric = plan.metric(metricId).orElseThrow(() -> new NotFound("Metric " + metricId + " was not found"));
        plan.removeMetric(metric);
        return flushed(product);
    }

    /**
     * Makes a bundle's plan of plans of two or more of the vendor's other products (DOMAIN.md:
     * vendors bundle only their own products), billed alike, each with its discount.
     */
    public ProductView composeBundle(long productId, long planId, List<BundleComponentRef> components) {
        Product bundle = access.editable(productId);
        if (bundle.getKind() != ProductKind.BUNDLE) {
            throw new InvalidInput("kind", bundle.getName() + " is not a bundle");
        }
        bundle.touch(clock.instant());
        Plan bundlePlan = plan(bundle, planId);
        List<BundleItem.Component> resolved = new ArrayList<>();
        for (BundleComponentRef ref : components == null ? List.<BundleComponentRef>of() : components) {
            if (ref == null) {
                throw new InvalidInput("components", "A component cannot be empty: give its planId and discountPercent");
            }
            resolved.add(component(bundle, bundlePlan, ref));
        }
        if (resolved.stream().map(component -> component.plan().getProduct().getId()).distinct().count() < 2) {
            throw new InvalidInput("components", "A bundle is made of plans of two different products or more");
        }
        bundlePlan.composeOf(List.of());
        entityManager.flush(); // the old items go before the new ones arrive: (plan, component) is unique
        bundlePlan.composeOf(resolved);
        return flushed(bundle);
    }

    private BundleItem.Component component(Product bundle, Plan bundlePlan, BundleComponentRef ref) {
        Plan plan = entityManager.find(Plan.class, ref.planId());
        // another vendor's plan is "not found" like a missing one: its name would reveal a draft
        if (plan == null || !plan.getProduct().getVendor().getId().equals(bundle.getVendor().getId())) {
            throw new InvalidInput("components", "Plan " + ref.planId() + " is not one of your products' plans:"
                    + " a vendor bundles only its own products");
        }
        Product product = plan.getProduct();
        // only what was reviewed and is on sale: a draft could change under the published bundle
        if (product.getKind() == ProductKind.BUNDLE || product.getStatus() != ProductStatus.PUBLISHED) {
            throw new InvalidInput("components", product.getName() + " cannot go in a bundle: only published products, not bundles, can");
        }
        if (ref.discountPercent() != null && ref.discountPercent().stripTrailingZeros().scale() > 2) {
            throw new InvalidInput("components", "A discount percentage has at most 2 decimals");
        }
        if (plan.getBillingUnit() != bundlePlan.getBillingUnit() || plan.getBillingFrequency() != bundlePlan.getBillingFrequency()) {
            throw new InvalidInput("components", plan.getName() + " of " + product.getName()
                    + " is billed differently from the bundle's plan");
        }
        BigDecimal percent = ref.discountPercent() == null ? BigDecimal.ZERO : ref.discountPercent();
        new BundleComponent(plan.pricing(), percent); // the engine's own check of the percentage
        return new BundleItem.Component(plan, percent);
    }

    public ProductView setLogo(long productId, byte[] image) {
        Product product = lockedForImages(productId);
        long stored = images.store(image);
        for (ProductImage logo : imagesOf(productId, ProductImage.Kind.LOGO)) {
            entityManager.remove(logo);
            images.discard(logo.getImageId());
        }
        entityManager.persist(new ProductImage(product, ProductImage.Kind.LOGO, 0, stored));
        product.touch(clock.instant());
        return flushed(product);
    }

    public ProductView addScreenshot(long productId, byte[] image) {
        Product product = lockedForImages(productId);
        int position = imagesOf(productId, ProductImage.Kind.SCREENSHOT).size();
        ProductImage.requirePlace(ProductImage.Kind.SCREENSHOT, position);
        entityManager.persist(new ProductImage(product, ProductImage.Kind.SCREENSHOT, position, images.store(image)));
        product.touch(clock.instant());
        return flushed(product);
    }

    /**
     * The product, its row locked until the transaction ends: uploads to one product take turns,
     * so two parallel uploads never both take the last free place.
     */
    private Product lockedForImages(long productId) {
        // locked as this transaction first reads it, so it is the latest version; the access check follows at once
        entityManager.find(Product.class, productId, LockModeType.PESSIMISTIC_WRITE);
        return access.editable(productId);
    }

    /**
     * The product's images of a kind as committed now: a locking read, because under MariaDB's
     * repeatable read a plain one could still show the snapshot from before the lock was granted.
     */
    private List<ProductImage> imagesOf(long productId, ProductImage.Kind kind) {
        return entityManager.createNamedQuery(ProductImage.OF_PRODUCT, ProductImage.class)
                .setParameter("product", productId).setParameter("kind", kind)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /** Sends the product for review; its vendor must have been approved by the marketplace. */
    public ProductView submit(long productId) {
        Product product = access.editable(productId);
        access.requireApproved(product.getVendor());
        product.submit(clock.instant());
        return flushed(product);
    }

    /** An approved product goes on sale; a retired one comes back. Its vendor or the admin decides when. */
    @RolesAllowed({Role.Names.VENDOR, Role.Names.ADMIN})
    public ProductView publish(long productId) {
        Product product = access.publishable(productId);
        product.publish(clock.instant());
        return flushed(product);
    }

    /** Off sale: no new orders. Existing subscriptions are the subscription context's business. */
    @RolesAllowed({Role.Names.VENDOR, Role.Names.ADMIN})
    public ProductView retire(long productId) {
        Product product = access.publishable(productId);
        product.retire(clock.instant());
        return flushed(product);
    }

    private ProductView flushed(Product product) {
        entityManager.flush();
        return views.full(product, true);
    }

    private PlanTerms inMarketplaceCurrency(PlanTerms terms) {
        Currency currency = currency();
        if (!terms.currency().equals(currency)) {
            throw new InvalidInput("currency", "Plans of this marketplace are priced in " + currency.getCurrencyCode());
        }
        return terms;
    }

    private Category category(Long categoryId) {
        if (categoryId == null) {
            return null;
        }
        Category category = entityManager.find(Category.class, categoryId);
        if (category == null || category.getOwnerId() != null) { // a reseller's own category is its storefront's
            throw new InvalidInput("categoryId", "Category " + categoryId + " was not found");
        }
        return category;
    }

    private static Plan plan(Product product, long planId) {
        return product.plan(planId).orElseThrow(() -> new NotFound(product.getName() + " has no plan " + planId));
    }

    private static ExtraResource extraResource(Plan plan, long resourceId) {
        return plan.extraResource(resourceId).orElseThrow(() -> new NotFound("Extra resource " + resourceId + " was not found"));
    }

}
