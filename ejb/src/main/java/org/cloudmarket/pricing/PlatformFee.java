package org.cloudmarket.pricing;

import java.math.BigDecimal;
import org.cloudmarket.shared.error.InvalidInput;

/**
 * The platform fee, the last link of the price chain (DOMAIN, Decisions): a percentage of the vendor price of each income
 * line, the marketplace's (billing.platformFee) or an extra resource's own.
 */
public final class PlatformFee {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PlatformFee() {
    }

    /** The percentage itself when it lies from 0 to 100; otherwise a refusal naming the field. */
    public static BigDecimal percent(String field, BigDecimal fee) {
        if (fee == null || fee.signum() < 0 || fee.compareTo(HUNDRED) > 0) {
            throw new InvalidInput(field, field + " is a percentage from 0 to 100");
        }
        return fee;
    }
}
