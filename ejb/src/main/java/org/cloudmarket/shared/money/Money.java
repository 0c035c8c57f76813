package org.cloudmarket.shared.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in a currency. Arithmetic keeps at least {@link #SCALE} decimals; {@link #rounded()}
 * rounds to the currency's minor unit, once per invoice or quote line.
 */
public record Money(BigDecimal amount, Currency currency) {

    /** Decimals kept between steps, so that rounding happens once, at the end of a line. */
    public static final int SCALE = 9;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currency));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    public Money times(long factor) {
        return times(BigDecimal.valueOf(factor));
    }

    /** Division keeps {@link #SCALE} decimals: a step, not a final amount. */
    public Money dividedBy(BigDecimal divisor) {
        return new Money(amount.divide(divisor, SCALE, RoundingMode.HALF_UP), currency);
    }

    /** Rounded half-up to the currency's minor unit (2 decimals for EUR, 0 for JPY). */
    public Money rounded() {
        return rounded(RoundingMode.HALF_UP);
    }

    public Money rounded(RoundingMode mode) {
        return new Money(amount.setScale(currency.getDefaultFractionDigits(), mode), currency);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
        }
    }

    /** Equal amounts compare equal whatever their scale: 63.00 EUR equals 63 EUR. */
    public boolean isSameAmountAs(Money other) {
        return currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
