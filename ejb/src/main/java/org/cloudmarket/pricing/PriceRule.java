package org.cloudmarket.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Decimals;
import org.cloudmarket.shared.money.Money;

/**
 * How one level of the channel prices a component from the price below it: a markup percentage
 * (negative for a discount, never below -100) or an absolute price. Tiered components take
 * markups only: one absolute price cannot replace a table of them.
 */
public record PriceRule(BigDecimal markupPercent, BigDecimal price) {

    /** Levels keep the precision of money in flight; the quote rounds each line once. */
    static final int SCALE = Money.SCALE;
    /** Fifteen integer digits: what a stored price holds. */
    private static final BigDecimal MAX_PRICE = new BigDecimal("1e15");
    private static final int STORED_SCALE = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** A hundredfold price: beyond it a markup is a typing mistake. */
    private static final BigDecimal MAX_MARKUP = BigDecimal.valueOf(10_000);

    public PriceRule {
        Decimals.bounded("markupPercent", markupPercent);
        Decimals.bounded("price", price);
        if ((markupPercent == null) == (price == null)) {
            throw new InvalidInput("markupPercent", "A price rule is a markup percentage or an absolute price, one of the two");
        }
        if (markupPercent != null && (markupPercent.compareTo(HUNDRED.negate()) < 0 || markupPercent.compareTo(MAX_MARKUP) > 0)) {
            throw new InvalidInput("markupPercent", "A markup is between -100% and " + MAX_MARKUP + "%");
        }
        if (price != null && (price.signum() < 0 || price.compareTo(MAX_PRICE) >= 0)) {
            throw new InvalidInput("price", "A price is zero or more, below 10^15");
        }
        // what a price list entry stores: DECIMAL(9,4) and DECIMAL(19,4), not rounded on the way in
        if (markupPercent != null && markupPercent.stripTrailingZeros().scale() > STORED_SCALE) {
            throw new InvalidInput("markupPercent", "A markup has at most " + STORED_SCALE + " decimals");
        }
        if (price != null && price.stripTrailingZeros().scale() > STORED_SCALE) {
            throw new InvalidInput("price", "A price has at most " + STORED_SCALE + " decimals");
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
