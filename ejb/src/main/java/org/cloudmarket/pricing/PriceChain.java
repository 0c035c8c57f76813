package org.cloudmarket.pricing;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.cloudmarket.shared.money.Money;

/**
 * The channel's one price function (DOMAIN.md, Channel): a plan's vendor prices go up the levels
 * in order (wholesale, sell-in, sell-out) and come out as the prices the last level sells at.
 * Quotes, storefront pages and billing all price through here. Levels keep the precision of money
 * in flight, so a markup on a tiny unit price is not lost; the quote rounds its lines once.
 */
public final class PriceChain {

    public static final String LICENSE = "license";
    public static final String SETUP_FEE = "setup-fee";

    private PriceChain() {
    }

    public static String extraResource(String code) {
        return "extra:" + code;
    }

    public static String metric(String code) {
        return "metric:" + code;
    }

    /** The plan as the last level sells it; empty when a level does not sell it. */
    public static Optional<PlanPricing> resolve(PlanPricing vendor, List<PriceLevel> levels) {
        PlanPricing plan = vendor;
        for (PriceLevel level : levels) {
            if (!level.sells()) {
                return Optional.empty();
            }
            plan = priced(plan, new Step(plan.license().currency()) {
                @Override
                BigDecimal price(String component, BigDecimal below) {
                    return level.ruleFor(component).apply(below);
                }

                @Override
                TierTable tiers(String component, TierTable below) {
                    return level.ruleFor(component).apply(below, component);
                }
            });
        }
        return Optional.of(plan);
    }

    /**
     * A storefront selling in another currency: the levels it buys through, in the marketplace's
     * currency, then the rate, then its own levels, whose fixed prices are in its currency.
     */
    public static Optional<PlanPricing> resolve(PlanPricing vendor, List<PriceLevel> bought, ExchangeRate rate, List<PriceLevel> own) {
        return resolve(vendor, bought).map(cost -> converted(cost, rate)).flatMap(converted -> resolve(converted, own));
    }

    private static PlanPricing converted(PlanPricing plan, ExchangeRate rate) {
        if (!plan.license().currency().equals(rate.from())) {
            throw new IllegalArgumentException("A rate from " + rate.from() + " cannot convert prices in " + plan.license().currency());
        }
        return priced(plan, new Step(rate.to()) {
            @Override
            BigDecimal price(String component, BigDecimal below) {
                return rate.convert(below);
            }

            @Override
            TierTable tiers(String component, TierTable below) {
                return new TierTable(below.tiers().stream().map(tier -> new Tier(tier.from(), tier.to(), rate.convert(tier.price())))
                        .toList());
            }
        });
    }

    /** What one step up the chain does to each component's price, and the currency it sells in. */
    private abstract static class Step {
        final Currency currency;

        Step(Currency currency) {
            this.currency = currency;
        }

        abstract BigDecimal price(String component, BigDecimal below);

        abstract TierTable tiers(String component, TierTable below);
    }

    private static PlanPricing priced(PlanPricing below, Step step) {
        return new PlanPricing(below.name(), new Money(step.price(LICENSE, below.license().amount()), step.currency),
                new Money(step.price(SETUP_FEE, below.setupFee().amount()), step.currency), below.billingFrequency(), below.unit(),
                below.minimumDuration(), below.trialDays(),
                below.extraResources().stream().map(resource -> priced(resource, step)).toList(),
                below.metrics().stream().map(metric -> priced(metric, step)).toList());
    }

    private static ExtraResourcePricing priced(ExtraResourcePricing below, Step step) {
        String component = extraResource(below.code());
        return below.withTiers(step.tiers(component, below.tiers()));
    }

    private static MetricPricing priced(MetricPricing below, Step step) {
        String component = metric(below.code());
        return new MetricPricing(below.code(), below.name(), below.unit(), below.kind(), below.aggregation(),
                below.includedQuantity(), below.unitPrice() == null ? null : step.price(component, below.unitPrice()), below.scheme(),
                below.tiers() == null ? null : step.tiers(component, below.tiers()));
    }
}
