package org.cloudmarket.subscription.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.pricing.PlanPricing;

/**
 * A trial turned NORMAL at its end (DOMAIN.md, Orders and subscriptions), as changes: its paid cycle starts where the
 * trial ended (in the tenant's zone), so the subscription is re-anchored there ({@link Change.Anchor}: anchor and window
 * start) and the billing run bills that cycle, not the trial's; its first paid period, and a commitment window of the
 * order's duration (a whole number of billing periods, else the plan's minimum).
 *
 * @param first the first paid period, billed at once by the conversion (never by a run: it is period 0 of the new cycle)
 * @param changes what {@code Lifecycle.record} applies, in order
 */
public record TrialConversion(BillingPeriod first, List<Change> changes) {

    public static TrialConversion of(Subscription trial, ZoneId zone, Instant now) {
        PlanPricing plan = PriceSnapshot.fromJson(trial.getPrices()).sellOut();
        BillingCycle cycle = BillingCycle.of(trial.getTrialEndsAt().orElse(now), plan.unit(), plan.billingFrequency(), zone);
        BillingPeriod first = cycle.period(0);
        int duration = trial.getDuration() >= plan.billingFrequency() && trial.getDuration() % plan.billingFrequency() == 0
                ? trial.getDuration() : plan.minimumDuration();
        return new TrialConversion(first, List.of(new Change.Type(SubscriptionType.NORMAL), new Change.Anchor(first.start()),
                new Change.Period(first.start(), first.end()), new Change.EndsAt(cycle.windowEnd(duration))));
    }
}
