package org.cloudmarket.channel.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudmarket.catalog.domain.BundleItem;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.channel.domain.PriceListLevel;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;
import org.cloudmarket.catalog.service.PlanPrices;
import org.cloudmarket.pricing.BundleComponent;
import org.cloudmarket.pricing.ExchangeRate;
import org.cloudmarket.pricing.ExtraResourcePricing;
import org.cloudmarket.pricing.PlanPricing;
import org.cloudmarket.pricing.PriceCalculator;
import org.cloudmarket.pricing.PriceChain;
import org.cloudmarket.pricing.PriceLevel;
import org.cloudmarket.pricing.PriceRule;

/**
 * The price lists one storefront sells through, loaded once: from the tenant's wholesale list down
 * to the sell-out list of the storefront (or of the signed-in customer). The tenant's own
 * storefront has no levels and sells at the vendors' prices.
 */
public record StorefrontChain(boolean showsPrices, boolean channelOpen, List<ListRules> levels,
                              Map<Long, List<ExtraResourcePricing>> services, Long ownerId, ExchangeRate rate) implements PlanPrices {

    /** One price list's rules by plan id and component, with its default markup. */
    public record ListRules(String name, BigDecimal defaultMarkup, Map<Long, Map<String, PriceRule>> byPlan) {

        PriceLevel levelFor(long planId) {
            return new PriceLevel(name, byPlan.getOrDefault(planId, Map.of()), defaultMarkup);
        }

        boolean lists(long planId) {
            return defaultMarkup != null || byPlan.containsKey(planId);
        }
    }

    public StorefrontChain {
        levels = List.copyOf(levels);
        services = Map.copyOf(services);
    }

    public StorefrontChain(boolean showsPrices, boolean channelOpen, List<ListRules> levels) {
        this(showsPrices, channelOpen, levels, Map.of(), null, null);
    }

    /** A chain in the marketplace's currency. */
    public StorefrontChain(boolean showsPrices, boolean channelOpen, List<ListRules> levels,
                           Map<Long, List<ExtraResourcePricing>> services, Long ownerId) {
        this(showsPrices, channelOpen, levels, services, ownerId, null);
    }

    /** The same chain selling in another currency: the rate applies below the storefront's own list. */
    StorefrontChain converting(ExchangeRate rate) {
        return new StorefrontChain(showsPrices, channelOpen, levels, services, ownerId, rate);
    }

    @Override
    public boolean atVendorPrices() {
        return showsPrices && levels.isEmpty() && rate == null;
    }

    /** A storefront whose channel is switched off: it shows the catalog, without prices. */
    static StorefrontChain closed(Long ownerId) {
        return new StorefrontChain(false, false, List.of(), Map.of(), ownerId);
    }

    /**
     * Whether the storefront offers the plan: every level sells it; a reseller's own bundle is
     * offered on that reseller's storefront only, where its plans are checked one by one. No
     * bundle, a vendor's or a reseller's, is offered once one of its parts is retired.
     */
    @Override
    public boolean offers(Plan plan) {
        if (!plan.partsOnSale()) {
            return false;
        }
        Organization seller = plan.getProduct().getVendor();
        if (seller.getKind() == OrganizationKind.RESELLER) {
            return seller.getId().equals(ownerId);
        }
        return !channelOpen || levels.stream().allMatch(level -> level.lists(plan.getId()));
    }

    /** A bundle's plans at this storefront's prices, each with its discount; empty when one is not sold here. */
    public Optional<List<BundleComponent>> bundle(Plan bundlePlan) {
        if (!showsPrices || !offers(bundlePlan)) {
            return Optional.empty();
        }
        List<BundleComponent> components = new java.util.ArrayList<>();
        for (BundleItem item : bundlePlan.getBundleItems()) {
            Optional<PlanPricing> priced = pricing(item.getComponentPlan());
            if (priced.isEmpty()) {
                return Optional.empty();
            }
            components.add(new BundleComponent(priced.get(), item.getDiscountPercent()));
        }
        return Optional.of(components);
    }

    /** The price per billing period shown in the catalog: the license, or a bundle's discounted licenses. */
    @Override
    public Optional<BigDecimal> periodPrice(Plan plan) {
        if (plan.getBundleItems().isEmpty()) {
            return pricing(plan).map(priced -> priced.license().amount());
        }
        return bundle(plan).map(PriceCalculator::bundlePeriodPrice);
    }

    /** The plan at this storefront's prices with the storefront's own services, when it offers the plan and shows prices. */
    @Override
    public Optional<PlanPricing> pricing(Plan plan) {
        if (!showsPrices || !offers(plan)) {
            return Optional.empty();
        }
        // a reseller's own bundle is priced by its parts below, not through the lists above it
        List<PriceLevel> chain = plan.getProduct().getVendor().getId().equals(ownerId) ? List.of()
                : levels.stream().map(level -> level.levelFor(plan.getId())).toList();
        Optional<PlanPricing> priced = rate == null ? PriceChain.resolve(plan.pricing(), chain)
                : chain.isEmpty() ? PriceChain.resolve(plan.pricing(), List.of(), rate, List.of())
                : PriceChain.resolve(plan.pricing(), chain.subList(0, chain.size() - 1), rate, chain.subList(chain.size() - 1, chain.size()));
        // the storefront's own services are priced by its owner, in its currency
        return priced.map(sold -> withServices(sold, services.getOrDefault(plan.getId(), List.of())));
    }

    /** The plan at every level of this chain; empty when the storefront does not sell it at a price. */
    public Optional<LevelPrices> levelPrices(Plan plan) {
        Optional<PlanPricing> sellOut = pricing(plan);
        if (sellOut.isEmpty()) {
            return Optional.empty();
        }
        PlanPricing vendor = plan.pricing();
        if (plan.getProduct().getVendor().getId().equals(ownerId)) {
            return Optional.of(new LevelPrices(vendor, vendor, vendor, sellOut.get())); // a reseller's own bundle
        }
        PlanPricing wholesale = vendor;
        PlanPricing sellIn = null;
        // every level but the storefront's own list is bought, in the marketplace's currency
        for (int bought = 1; bought < levels.size(); bought++) {
            PlanPricing upTo = PriceChain.resolve(vendor, levels.subList(0, bought).stream().map(level -> level.levelFor(plan.getId()))
                    .toList()).orElseThrow();
            if (levels.get(bought - 1).name().startsWith(PriceListLevel.WHOLESALE.name())) {
                wholesale = upTo;
            } else {
                sellIn = upTo;
            }
        }
        return Optional.of(new LevelPrices(vendor, wholesale, sellIn == null ? wholesale : sellIn, sellOut.get()));
    }

    private static PlanPricing withServices(PlanPricing priced, List<ExtraResourcePricing> own) {
        if (own.isEmpty()) {
            return priced;
        }
        List<ExtraResourcePricing> extras = new java.util.ArrayList<>(priced.extraResources());
        extras.addAll(own);
        return new PlanPricing(priced.name(), priced.license(), priced.setupFee(), priced.billingFrequency(), priced.unit(),
                priced.minimumDuration(), priced.trialDays(), extras, priced.metrics());
    }

}
