package org.cloudmarket.billing.domain;

import java.util.List;

/**
 * What a run at an instant must write for one subscription. {@code renewalDue}: the window ends at or before the instant
 * and auto-renews, and its last postpaid period is due as well (its end plus the grace: billed in this plan on the
 * window's own prices), so the caller renews the window (a new snapshot from today's lists) and asks again.
 */
public record BillingPlan(List<DueProceed> proceeds, boolean renewalDue) {

    public BillingPlan {
        proceeds = List.copyOf(proceeds);
    }

    public static final BillingPlan NOTHING = new BillingPlan(List.of(), false);
}
