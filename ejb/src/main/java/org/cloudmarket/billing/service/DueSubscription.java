package org.cloudmarket.billing.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.cloudmarket.billing.domain.BilledKey;
import org.cloudmarket.billing.domain.BillingTerms;
import org.cloudmarket.billing.domain.FeePercents;
import org.cloudmarket.billing.domain.Proceed;
import org.cloudmarket.pricing.Coupon;
import org.cloudmarket.subscription.domain.BillingCycle;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.PriceSnapshot;
import org.cloudmarket.subscription.domain.Quantities;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.subscription.domain.SubscriptionType;

/**
 * A subscription as a billing run reads it (one row of a keyset page, the terms joined in, or the entity after a
 * renewal), with who its proceeds flow between and the keys its proceeds already hold: everything the generator and the
 * writer need, so that no query runs per subscription for a prepaid one. {@code deferred}: a DEFERRED downgrade waits for
 * its next period start (Renewals.deferred), which the run applies through the entity.
 */
public record DueSubscription(long id, SubscriptionType type, DeploymentStatus status, Proceed.Parties parties, Long couponId,
                              String prices, String extraResources, int duration, Instant anchorAt, Instant windowStart,
                              Instant periodStart, Instant periodEnd, Instant endsAt, boolean autoRenew, Instant trialEndsAt,
                              Instant endedAt, boolean deferred, Set<BilledKey> billed) {

    public DueSubscription {
        billed = Set.copyOf(billed);
    }

    /** The same subscription as the entity holds it now (a renewed window; the dry run's), with the keys already known. */
    static DueSubscription of(Subscription subscription, Proceed.Parties parties, Set<BilledKey> billed) {
        return new DueSubscription(subscription.getId(), subscription.getType(), subscription.getDeploymentStatus(), parties,
                subscription.getCouponId().orElse(null), subscription.getPrices(), subscription.getExtraResources().toColumn(),
                subscription.getDuration(), subscription.getAnchorAt(), subscription.getWindowStart(), subscription.getPeriodStart(),
                subscription.getPeriodEnd(), subscription.getEndsAt(), subscription.isAutoRenew(),
                subscription.getTrialEndsAt().orElse(null), subscription.getEndedAt().orElse(null), Renewals.deferred(subscription), billed);
    }

    public DueSubscription withBilled(Set<BilledKey> billed) {
        return new DueSubscription(id, type, status, parties, couponId, prices, extraResources, duration, anchorAt, windowStart, periodStart,
                periodEnd, endsAt, autoRenew, trialEndsAt, endedAt, deferred, billed);
    }

    PriceSnapshot snapshot() {
        return PriceSnapshot.fromJson(prices);
    }

    /** Its periods: anchored where the order anchored them, in the sell-out plan's unit, in the tenant's zone. */
    BillingCycle cycle(ZoneId zone) {
        PriceSnapshot snapshot = snapshot();
        // BillingCycle.of: the anchor at the start of its day or hour, whatever instant a row holds
        return BillingCycle.of(anchorAt, snapshot.sellOut().unit(), snapshot.sellOut().billingFrequency(), zone);
    }

    /**
     * Its terms, the one mapping of a subscription onto {@link BillingTerms} for the run and the dry run alike (so the two
     * cannot disagree): the window, its prices, the quantities, the trial's end and the end ({@code ended_at}, set when it
     * was sent to be undeployed), and its plan's platform fees (FeeOverrides).
     */
    BillingTerms terms(ZoneId zone, Optional<Coupon> coupon, FeePercents fees) {
        return new BillingTerms(id, type, status, cycle(zone), windowStart, endsAt, autoRenew, duration, snapshot(),
                Quantities.fromColumn(extraResources).byCode(), coupon, Optional.ofNullable(trialEndsAt), Optional.ofNullable(endedAt),
                fees.marketplace(), fees.byExtraResource());
    }
}
