package org.cloudmarket.subscription.domain;

import java.time.Instant;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.pricing.Proration;
import org.cloudmarket.shared.money.Money;

/**
 * One half of a proration pair (DOMAIN.md, the upgrade formula): a credit of what is left of the
 * period at the old terms, or a debit at the new ones. {@code periodPrice} is the price of the
 * whole quantity for a whole period (the scheme's price: tiered, volume or stairstep),
 * {@code scaledPrice} that price times remaining hours / hours in the period, unrounded, and
 * {@code amount} the scaled price rounded once, negative for a credit. The hours are kept so that
 * an invoice line can carry the proration by its quantity of hours.
 */
public record ProrationLine(Side side, String component, long quantity, Money periodPrice, long remainingHours,
                            long periodHours, Money scaledPrice, Money amount) {

    public enum Side { CREDIT, DEBIT }

    static ProrationLine credit(String component, long quantity, Money periodPrice, BillingPeriod period, Instant at) {
        return of(Side.CREDIT, component, quantity, periodPrice, period, at);
    }

    static ProrationLine debit(String component, long quantity, Money periodPrice, BillingPeriod period, Instant at) {
        return of(Side.DEBIT, component, quantity, periodPrice, period, at);
    }

    private static ProrationLine of(Side side, String component, long quantity, Money periodPrice, BillingPeriod period,
                                    Instant at) {
        Money scaled = Proration.scaledUnitPrice(periodPrice, period, at);
        Money rounded = scaled.rounded();
        return new ProrationLine(side, component, quantity, periodPrice, period.remainingHoursAt(at), period.hours(), scaled,
                side == Side.CREDIT ? rounded.times(-1) : rounded);
    }
}
