package org.cloudmarket.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.cloudmarket.shared.error.InvalidInput;

/**
 * How a pay-per-use metric of a plan is priced (DOMAIN.md, pay-per-use metrics): the quantity
 * measured over a period, less the included quantity, at a unit price or under a tier scheme. A
 * tier scheme prices whole units, so a fractional average is rounded up to the next unit first.
 */
public record MetricPricing(String code, String name, String unit, Kind kind, Aggregation aggregation,
                            BigDecimal includedQuantity, BigDecimal unitPrice, PricingScheme scheme, TierTable tiers) {

    /** A gauge goes up and down (users, storage); a counter only grows (API calls). */
    public enum Kind { GAUGE, COUNTER }

    /** How readings become one quantity for the period: a gauge by AVERAGE over time or PEAK, a counter by INCREASE or last VALUE. */
    public enum Aggregation {
        AVERAGE, PEAK, INCREASE, VALUE;

        /** Whether it measures that kind: AVERAGE and PEAK a gauge, INCREASE and VALUE a counter. */
        public boolean suits(Kind kind) {
            return (kind == Kind.GAUGE) == (this == AVERAGE || this == PEAK);
        }
    }

    public MetricPricing {
        if (kind == null || aggregation == null || !aggregation.suits(kind)) {
            throw new InvalidInput("aggregation", "A gauge is measured by AVERAGE or PEAK, a counter by INCREASE or VALUE");
        }
        if (includedQuantity == null || includedQuantity.signum() < 0) {
            throw new InvalidInput("includedQuantity", "The included quantity of " + name + " is zero or more");
        }
        if ((unitPrice == null) == (scheme == null || tiers == null)) {
            throw new InvalidInput("unitPrice", name + " is priced either by a unit price or by a scheme with tiers, not both");
        }
        if (unitPrice != null && unitPrice.signum() < 0) {
            throw new InvalidInput("unitPrice", "The unit price of " + name + " cannot be negative");
        }
    }

    public static MetricPricing perUnit(String code, String name, String unit, Kind kind, Aggregation aggregation,
                                        BigDecimal includedQuantity, BigDecimal unitPrice) {
        return new MetricPricing(code, name, unit, kind, aggregation, includedQuantity, unitPrice, null, null);
    }

    public static MetricPricing tiered(String code, String name, String unit, Kind kind, Aggregation aggregation,
                                       BigDecimal includedQuantity, PricingScheme scheme, TierTable tiers) {
        return new MetricPricing(code, name, unit, kind, aggregation, includedQuantity, null, scheme, tiers);
    }

    /** What a measured quantity costs for one period, unrounded. */
    public BigDecimal priceOf(BigDecimal measured) {
        BigDecimal billable = measured.subtract(includedQuantity).max(BigDecimal.ZERO);
        if (unitPrice != null) {
            return unitPrice.multiply(billable);
        }
        BigDecimal units = billable.setScale(0, RoundingMode.CEILING);
        if (units.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new InvalidInput("usage", "A usage of " + measured.toPlainString() + " " + unit + " is beyond any price");
        }
        return scheme.price(tiers, units.longValueExact());
    }
}
