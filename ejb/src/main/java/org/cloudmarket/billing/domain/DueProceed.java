package org.cloudmarket.billing.domain;

import org.cloudmarket.pricing.BillingPeriod;

/**
 * One proceed a run must write: the period it bills (for a postpaid proceed of an ended subscription, the period cut at
 * the end), why the period is billed, and the item with its whole price chain.
 */
public record DueProceed(BillingPeriod period, PeriodOrigin origin, ProceedChain.Item item) {

    /** The natural key this proceed takes once written. */
    public BilledKey key() {
        return new BilledKey(item.component(), item.kind(), period.start());
    }
}
