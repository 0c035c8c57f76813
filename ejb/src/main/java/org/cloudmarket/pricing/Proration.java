package org.cloudmarket.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import org.cloudmarket.shared.money.Money;

/**
 * Prepaid upgrades inside a billing period (DOMAIN.md, extra resources): the unit price scales to
 * the hours left, {@code unit price x remaining hours / hours in the period}; the next invoice
 * subtracts the scaled price of the old quantity and adds that of the new one.
 * <p>
 * Nothing calls it yet: it is DOMAIN.md's upgrade formula ("Changes": prepaid extra resources go
 * up at once, prorated), which the subscription context's BILLING_ITEM_UPGRADE orders will price
 * with; its worked examples are in {@code ProrationTest}.
 */
public final class Proration {

    private Proration() {
    }

    public static Money scaledUnitPrice(Money unitPrice, BillingPeriod period, Instant changeAt) {
        BigDecimal share = BigDecimal.valueOf(period.remainingHoursAt(changeAt))
                .divide(BigDecimal.valueOf(period.hours()), Money.SCALE, RoundingMode.HALF_UP);
        return unitPrice.times(share);
    }

    /** What an upgrade from {@code oldQuantity} to {@code newQuantity} at {@code changeAt} adds, unrounded. */
    public static Money upgradeCharge(Money unitPrice, BillingPeriod period, Instant changeAt, long oldQuantity, long newQuantity) {
        if (newQuantity < oldQuantity) {
            throw new IllegalArgumentException("A downgrade applies at the start of the next period, not prorated");
        }
        Money scaled = scaledUnitPrice(unitPrice, period, changeAt);
        return scaled.times(newQuantity).minus(scaled.times(oldQuantity));
    }
}
