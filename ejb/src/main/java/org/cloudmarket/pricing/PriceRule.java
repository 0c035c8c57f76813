package org.cloudmarket.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.cloudmarket.shared.error.InvalidInput;

/**
 * How one level of the channel prices a component from the price below it: a markup percentage
 * (negative for a discount, never below -100) or an absolute price. Tiered components take
 * markups only: one absolute price cannot replace a table of them.
 */
public record PriceRule(BigDecimal markupPercent, BigDecimal price) {

    /** Prices in a price list keep the scale they are stored with. */
    static final int SCALE = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** A hundredfold price: beyond it a markup is a typing mistake. */
    private static final BigDecimal MAX_MARKUP = BigDecimal.valueOf(10_000);

    public PriceRule {
        if ((markupPercent == null) == (price == null)) {
            throw new InvalidInput("markupPercent", "A price rule is a markup percentage or an absolute price, one of the two");
        }
        if (markupPercent != null && (markupPercent.compareTo(HUNDRED.negate()) < 0 || markupPercent.compareTo(MAX_MARKUP) > 0)) {
            throw new InvalidInput("markupPercent", "A markup is between -100% and " + MAX_MARKUP + "%");
        }
        if (price != null && price.signum() < 0) {
            throw new InvalidInput("price", "A price cannot be negative");
        }
    }

    public static PriceRule markup(String percent) {
        return new PriceRule(new BigDecimal(percent), null);
    }

    public static PriceRule markup(BigDecimal percent) {
        return new PriceRule(percent, null);
    }

    public static PriceRule fixed(String price) {
        return new PriceRule(null, new BigDecimal(price));
    }

    BigDecimal apply(BigDecimal below) {
        if (price != null) {
            return price;
        }
        return below.multiply(HUNDRED.add(markupPercent)).divide(HUNDRED, SCALE, RoundingMode.HALF_UP);
    }

    TierTable apply(TierTable below, String component) {
        if (price != null) {
            throw new InvalidInput("price", component + " is priced by tiers: give it a markup, not a fixed price");
        }
        return new TierTable(below.tiers().stream().map(tier -> new Tier(tier.from(), tier.to(), apply(tier.price()))).toList());
    }
}
