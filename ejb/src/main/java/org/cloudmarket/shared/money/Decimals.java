package org.cloudmarket.shared.money;

import java.math.BigDecimal;
import org.cloudmarket.shared.error.InvalidInput;

/**
 * The one bound on every decimal a client sends (prices, markups, rates, quantities, filters):
 * at most {@link #MAX_INTEGER_DIGITS} digits before the point and {@link #MAX_SCALE} after it.
 * {@code new BigDecimal("1e999999999")} costs nothing, but printing, binding or rounding it builds a
 * billion digits; a value is bounded where it enters, before anything computes with it. The bound
 * fits every column that stores a client's decimal: DECIMAL(19,4) holds 15 integer digits, and the
 * narrower columns (markups, percentages) hold what their own domain checks allow.
 */
public final class Decimals {

    /** What DECIMAL(19,4), the widest stored amount, holds before the point. */
    public static final int MAX_INTEGER_DIGITS = 15;
    /** The finest value a client sends: an exchange rate's six decimals. */
    public static final int MAX_SCALE = 6;
    /** Longer text cannot be a bounded number (with sign, point, zeros and exponent); refused before it is parsed. */
    private static final int MAX_TEXT = 64;

    private Decimals() {
    }

    /** The value itself when it is within the bound (null stays null); otherwise a 422 naming the field. */
    public static BigDecimal bounded(String field, BigDecimal value) {
        if (value == null || value.signum() == 0) {
            return value;
        }
        BigDecimal significant = value.stripTrailingZeros();
        long integerDigits = (long) significant.precision() - significant.scale();
        if (integerDigits > MAX_INTEGER_DIGITS || significant.scale() > MAX_SCALE) {
            throw outOfBound(field);
        }
        return value;
    }

    /** A decimal typed as text (a query parameter), bounded; null when blank. */
    public static BigDecimal parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > MAX_TEXT) {
            throw outOfBound(field);
        }
        try {
            return bounded(field, new BigDecimal(stripped));
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, field + ": '" + stripped + "' is not a number, like 12.50");
        }
    }

    private static InvalidInput outOfBound(String field) {
        return new InvalidInput(field, field + " is a number with at most " + MAX_INTEGER_DIGITS + " digits before the point and "
                + MAX_SCALE + " after it");
    }
}
