package org.cloudmarket.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import org.cloudmarket.shared.money.Money;

/**
 * What a coupon does to a price (DOMAIN.md, Coupons), valid in [validFrom, validUntil).
 * Who may use it, how often, and its trial budget are the ordering context's business.
 */
public record Coupon(String code, Instant validFrom, Instant validUntil, Effect effect) {

    /** What the coupon changes. */
    public sealed interface Effect permits PercentOff, AmountOff, PriceOverride, ExtendedTrial {
    }

    /** A percentage off the destination's amount. */
    public record PercentOff(BigDecimal percent, DiscountDestination destination) implements Effect {
    }

    /** An amount off the destination's amount, each billing period, never more than that amount. */
    public record AmountOff(Money amount, DiscountDestination destination) implements Effect {
    }

    /** A private price that replaces the plan's license price. */
    public record PriceOverride(Money license) implements Effect {
    }

    /** A trial of this many days instead of the product's own. */
    public record ExtendedTrial(int days) implements Effect {
    }

    /** What a discount applies to. */
    public enum DiscountDestination {
        /** The license and the setup fee. */
        LICENSE,
        LICENSE_AND_EXTRA_RESOURCES,
        TOTAL
    }

    public boolean isValidAt(Instant at) {
        return !at.isBefore(validFrom) && at.isBefore(validUntil);
    }
}
