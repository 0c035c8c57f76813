package org.cloudmarket.subscription.domain;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.shared.money.Money;

/**
 * A change on a live subscription, priced: how it is settled, when it takes effect (at once, or
 * at the next period start when DEFERRED) and its proration lines (none when DEFERRED).
 */
public record PricedChange(ChangeOutcome outcome, Instant effectiveAt, Currency currency, List<ProrationLine> lines) {

    public PricedChange {
        lines = List.copyOf(lines);
    }

    static PricedChange deferred(BillingPeriod period, Currency currency) {
        return new PricedChange(ChangeOutcome.DEFERRED, period.end(), currency, List.of());
    }

    /** Applied at {@code at}: PAID, or FREE when the lines cancel out. */
    static PricedChange now(Instant at, Currency currency, List<ProrationLine> lines) {
        Money net = lines.stream().map(ProrationLine::amount).reduce(Money.zero(currency), Money::plus);
        return new PricedChange(net.amount().signum() == 0 ? ChangeOutcome.FREE : ChangeOutcome.PAID, at, currency, lines);
    }

    /** What the change invoices now: the sum of the rounded lines. */
    public Money net() {
        return lines.stream().map(ProrationLine::amount).reduce(Money.zero(currency), Money::plus);
    }
}
