package org.cloudmarket.billing.domain;

import java.time.Instant;
import java.util.Optional;
import org.cloudmarket.subscription.domain.BillingCycle;

/**
 * When a run applies a DEFERRED downgrade (DOMAIN, Orders: fewer extra resources or a cheaper plan "at the next period
 * start"): at the start of the period after the subscription's current one, once the run's instant reached it. The run
 * bills what fell due before that instant on the old terms, applies the change there, then bills that period and the
 * later ones on the new terms. Pure: no clock, no database.
 */
public final class DeferredChanges {

    private DeferredChanges() {
    }

    /** The instant the waiting change takes effect, if a run at {@code at} reaches it; none while the current period lasts. */
    public static Optional<Instant> takesEffect(BillingCycle cycle, Instant currentPeriodStart, Instant at) {
        Instant next = cycle.periodAt(currentPeriodStart).end();
        return at.isBefore(next) ? Optional.empty() : Optional.of(next);
    }
}
