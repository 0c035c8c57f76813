package org.cloudmarket.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import org.cloudmarket.shared.money.Money;

/**
 * Prepaid upgrades inside a billing period (DOMAIN.md, extra resources): the unit price scales to
 * the hours left, {@code unit price x remaining hours / hours in the period}; the next invoice
 * subtracts the scaled price of the old quantity and adds that of the new one.
 * <p>
 * The subscription context's changes price with it (QuantityChange, PlanChange: each side of a
 * proration pair is a scaled price); its worked examples are in {@code ProrationTest}.
 */
public final class Proration {

    private Proration() {
    }

    /** Multiplied before divided, so the one division is the only step that loses precision. */
    public static Money scaledUnitPrice(Money unitPrice, BillingPeriod period, Instant changeAt) {
        return unitPrice.times(period.remainingHoursAt(changeAt)).dividedBy(BigDecimal.valueOf(period.hours()));
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
