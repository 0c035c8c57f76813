package org.cloudmarket.pricing;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One band of a tier table: units {@code from} to {@code to} (inclusive; no upper bound when
 * open-ended) at {@code price}, which is a unit price for tiered and volume schemes and a flat
 * price for the stairstep scheme.
 */
public record Tier(long from, Long to, BigDecimal price) {

    public Tier {
        Objects.requireNonNull(price, "price");
    }

    public static Tier between(long from, long to, String price) {
        return new Tier(from, to, new BigDecimal(price));
    }

    public static Tier from(long from, String price) {
        return new Tier(from, null, new BigDecimal(price));
    }

    public OptionalLong upperBound() {
        return to == null ? OptionalLong.empty() : OptionalLong.of(to);
    }

    boolean contains(long quantity) {
        return quantity >= from && (to == null || quantity <= to);
    }

    /** How many of the first {@code quantity} units fall in this band. */
    long unitsOf(long quantity) {
        if (quantity < from) {
            return 0;
        }
        long last = to == null ? quantity : Math.min(quantity, to);
        return last - from + 1;
    }
}
