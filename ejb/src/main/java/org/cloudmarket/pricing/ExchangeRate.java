package org.cloudmarket.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Decimals;
import org.cloudmarket.shared.money.Money;

/**
 * How many units of {@code to} one unit of {@code from} buys, as the marketplace fixed it: a
 * storefront selling in another currency than the marketplace's converts its costs at this rate
 * before its own price list applies. Six decimals, as banks quote them.
 */
public record ExchangeRate(Currency from, Currency to, BigDecimal rate) {

    public static final int RATE_SCALE = 6;
    private static final BigDecimal MAX_RATE = new BigDecimal("1000000");

    public ExchangeRate {
        if (from == null || to == null || from.equals(to)) {
            throw new InvalidInput("currency", "A rate converts between two different currencies");
        }
        Decimals.bounded("rate", rate);
        if (rate == null || rate.signum() <= 0 || rate.compareTo(MAX_RATE) >= 0 || rate.stripTrailingZeros().scale() > RATE_SCALE) {
            throw new InvalidInput("rate", "A rate is above zero, below " + MAX_RATE.toPlainString() + ", with at most "
                    + RATE_SCALE + " decimals");
        }
    }

    /** An amount of the marketplace's currency in the storefront's, kept at the precision of money in flight. */
    BigDecimal convert(BigDecimal amount) {
        return amount.multiply(rate).setScale(Money.SCALE, RoundingMode.HALF_UP);
    }
}
