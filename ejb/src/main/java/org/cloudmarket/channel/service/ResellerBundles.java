package org.cloudmarket.channel.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.cloudmarket.catalog.domain.BundleItem;
import org.cloudmarket.catalog.domain.PaymentMethod;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.catalog.domain.PlanTerms;
import org.cloudmarket.catalog.domain.Product;
import org.cloudmarket.catalog.domain.ProductDetails;
import org.cloudmarket.catalog.domain.ProductKind;
import org.cloudmarket.catalog.service.BundleComponentRef;
import org.cloudmarket.catalog.service.ProductSlugs;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.pricing.BundleComponent;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.tenancy.domain.Organization;

/**
 * A reseller's bundles of what it resells (DOMAIN.md: resellers bundle only what they resell):
 * plans of two or more products its storefront offers, each at its sell-out price less a discount.
 * Their parts were reviewed already, so a reseller's bundle goes on sale at once, on its
 * storefront only.
 */
@Stateless
@RolesAllowed(Role.Names.RESELLER)
public class ResellerBundles {

    @Inject
    private EntityManager entityManager;

    @Inject
    private Caller caller;

    @Inject
    private StorefrontPricing pricing;

    @Inject
    private ResoldPlans resold;

    @Inject
    private ProductSlugs slugs;

    @Inject
    private Clock clock;

    /** A bundle as its reseller lists it. */
    public record BundleView(String name, String slug, int parts) {
    }

    /** The caller's own bundles. */
    public List<BundleView> mine() {
        return entityManager.createQuery("SELECT p FROM Product p WHERE p.vendor = :reseller AND p.kind = :bundle ORDER BY p.name",
                        Product.class)
                .setParameter("reseller", caller.organization()).setParameter("bundle", ProductKind.BUNDLE).getResultStream()
                .map(bundle -> new BundleView(bundle.getName(), bundle.getSlug(),
                        bundle.getPlans().isEmpty() ? 0 : bundle.getPlans().get(0).getBundleItems().size()))
                .toList();
    }

    public String create(String name, String summary, List<BundleComponentRef> components) {
        Organization reseller = caller.organization();
        StorefrontChain chain = pricing.forOwner(reseller);
        List<BundleItem.Component> resolved = new ArrayList<>();
        for (BundleComponentRef ref : components == null ? List.<BundleComponentRef>of() : components) {
            if (ref == null) {
                throw new InvalidInput("components", "Each part of a bundle names a plan you resell");
            }
            Plan plan = resold.plan(reseller, ref.planId(), "components");
            // each part sells at the storefront's own price, so the storefront must price it
            if (chain.pricing(plan).isEmpty()) {
                throw new InvalidInput("components", "Plan " + ref.planId() + " has no price on your storefront: price it first");
            }
            BigDecimal percent = ref.discountPercent() == null ? BigDecimal.ZERO : ref.discountPercent();
            if (percent.stripTrailingZeros().scale() > 2) {
                throw new InvalidInput("components", "A discount percentage has at most 2 decimals");
            }
            new BundleComponent(plan.pricing(), percent); // the engine's check of the percentage
            resolved.add(new BundleItem.Component(plan, percent));
        }
        if (resolved.stream().map(component -> component.plan().getProduct().getId()).distinct().count() < 2) {
            throw new InvalidInput("components", "A bundle is made of plans of two different products or more");
        }
        Plan first = resolved.get(0).plan();
        if (resolved.stream().anyMatch(component -> component.plan().getBillingUnit() != first.getBillingUnit()
                || component.plan().getBillingFrequency() != first.getBillingFrequency())) {
            throw new InvalidInput("components", "The plans of a bundle are billed alike");
        }
        Instant now = clock.instant();
        Product bundle = new Product(reseller, ProductKind.BUNDLE, slugs.free(name), now);
        bundle.describe(new ProductDetails(name, summary, null, null, List.of("bundle"), null, null, null, 0), null, now);
        Plan plan = bundle.addPlan(new PlanTerms("Bundle", first.getCurrency(), BigDecimal.ZERO, BigDecimal.ZERO,
                first.getBillingFrequency(), first.getBillingUnit(), first.getBillingFrequency(), false, false, false,
                EnumSet.allOf(PaymentMethod.class)), now);
        plan.composeOf(resolved);
        entityManager.persist(bundle);
        entityManager.flush();
        bundle.submit(now);
        bundle.approve(now);
        bundle.publish(now);
        return bundle.getSlug();
    }

}
