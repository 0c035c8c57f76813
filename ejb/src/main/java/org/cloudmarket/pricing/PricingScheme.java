package org.cloudmarket.pricing;

import java.math.BigDecimal;

/**
 * How a tier table prices a quantity (DOMAIN.md, "Pricing schemes for extra resources"):
 * tiered prices each unit in its own tier, volume prices all units at the tier the total reaches,
 * stairstep charges the flat price of that tier. Results are unrounded: the caller rounds the line.
 */
public enum PricingScheme {
    TIERED {
        @Override
        BigDecimal priceOf(TierTable table, long quantity) {
            return table.tiers().stream()
                    .map(tier -> tier.price().multiply(BigDecimal.valueOf(tier.unitsOf(quantity))))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    },
    VOLUME {
        @Override
        BigDecimal priceOf(TierTable table, long quantity) {
            return table.tierFor(quantity).price().multiply(BigDecimal.valueOf(quantity));
        }
    },
    STAIRSTEP {
        @Override
        BigDecimal priceOf(TierTable table, long quantity) {
            return table.tierFor(quantity).price();
        }
    };

    /** The price of {@code quantity} units; zero units cost nothing under every scheme. */
    public BigDecimal price(TierTable table, long quantity) {
        if (quantity < 0) {
            throw new IllegalArgumentException("A quantity cannot be negative: " + quantity);
        }
        if (quantity == 0) {
            return BigDecimal.ZERO;
        }
        if (table.maximum().isPresent() && quantity > table.maximum().getAsLong()) {
            throw new InvalidTiers("At most " + table.maximum().getAsLong() + " units can be bought");
        }
        return priceOf(table, quantity);
    }

    abstract BigDecimal priceOf(TierTable table, long quantity);
}
