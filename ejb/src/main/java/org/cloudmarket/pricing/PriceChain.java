package org.cloudmarket.pricing;

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
            plan = priced(plan, level);
        }
        return Optional.of(plan);
    }

    private static PlanPricing priced(PlanPricing below, PriceLevel level) {
        return new PlanPricing(below.name(), money(below.license(), level.ruleFor(LICENSE)),
                money(below.setupFee(), level.ruleFor(SETUP_FEE)), below.billingFrequency(), below.unit(),
                below.minimumDuration(), below.trialDays(),
                below.extraResources().stream().map(resource -> priced(resource, level)).toList(),
                below.metrics().stream().map(metric -> priced(metric, level)).toList());
    }

    private static Money money(Money below, PriceRule rule) {
        return new Money(rule.apply(below.amount()), below.currency());
    }

    private static ExtraResourcePricing priced(ExtraResourcePricing below, PriceLevel level) {
        String component = extraResource(below.code());
        return new ExtraResourcePricing(below.code(), below.name(), below.unit(), below.scheme(),
                level.ruleFor(component).apply(below.tiers(), component), below.prepaid());
    }

    private static MetricPricing priced(MetricPricing below, PriceLevel level) {
        String component = metric(below.code());
        PriceRule rule = level.ruleFor(component);
        return new MetricPricing(below.code(), below.name(), below.unit(), below.kind(), below.aggregation(),
                below.includedQuantity(), below.unitPrice() == null ? null : rule.apply(below.unitPrice()), below.scheme(),
                below.tiers() == null ? null : rule.apply(below.tiers(), component));
    }
}
