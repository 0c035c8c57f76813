package org.cloudmarket.billing.service;

import java.util.List;
import java.util.Optional;
import org.cloudmarket.billing.domain.DueProceed;
import org.cloudmarket.pricing.BillingPeriod;

/**
 * What the processor hands the writer for one subscription: the proceeds the generator found due (maybe none), the
 * period the run opens ({@code advanceTo}, when the run's instant lies in a later period of the window), and whether it
 * was {@code written} already (a renewal or a deferred change, billed whole by SubscriptionBilling in its own
 * transaction). The writer writes the others' proceeds, period orders, advances and changelog lines a chunk at a time.
 */
public record PlannedSubscription(DueSubscription subscription, List<DueProceed> proceeds, Optional<BillingPeriod> advanceTo, boolean written) {

    public PlannedSubscription {
        proceeds = List.copyOf(proceeds);
    }

    /** One billed whole by SubscriptionBilling. */
    public PlannedSubscription(DueSubscription subscription, List<DueProceed> proceeds) {
        this(subscription, proceeds, Optional.empty(), true);
    }
}
