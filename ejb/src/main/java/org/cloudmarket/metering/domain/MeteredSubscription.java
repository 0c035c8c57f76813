package org.cloudmarket.metering.domain;

import java.time.Instant;
import java.util.Optional;
import org.cloudmarket.pricing.BillingUnit;
import org.cloudmarket.pricing.PlanPricing;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.PriceSnapshot;
import org.cloudmarket.subscription.domain.Subscription;

/**
 * What keeping a reading needs of its subscription (ReadingRules, ReadingStore): who sells it, its plan, its status,
 * its life and the billing unit and frequency of its price snapshot's sell-out plan, which its periods follow. The
 * intake reads it for a whole batch as a narrow projection under a shared lock (MeteredSubscriptions), without the snapshot's JSON, which is most of
 * a subscription's row; a caller that holds the entity already takes it {@link #of} the entity.
 */
public record MeteredSubscription(long id, long vendorId, long planId, DeploymentStatus status, Instant createdAt,
                                  Optional<Instant> trialEndsAt, Instant endsAt, Instant anchorAt, BillingUnit unit, int billingFrequency) {

    public static MeteredSubscription of(Subscription subscription) {
        PlanPricing plan = PriceSnapshot.fromJson(subscription.getPrices()).sellOut();
        return new MeteredSubscription(subscription.getId(), subscription.getVendorId(), subscription.getPlanId(),
                subscription.getDeploymentStatus(), subscription.getCreatedAt(), subscription.getTrialEndsAt(), subscription.getEndsAt(),
                subscription.getAnchorAt(), plan.unit(), plan.billingFrequency());
    }
}
