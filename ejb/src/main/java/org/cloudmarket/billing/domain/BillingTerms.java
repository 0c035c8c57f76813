package org.cloudmarket.billing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.cloudmarket.pricing.Coupon;
import org.cloudmarket.subscription.domain.BillingCycle;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.PriceSnapshot;
import org.cloudmarket.subscription.domain.SubscriptionType;

/**
 * What a subscription is billed on, read by the caller (JPA for one, JDBC for a page) and handed to
 * {@link RecurringGenerator#plan}: its kind and status, its periods, the commitment window [windowStart, endsAt) with the
 * prices the window keeps, the quantities held, the coupon, the trial's end, and the marketplace's platform fee.
 *
 * @param subscriptionId the subscription
 * @param type NORMAL, or TRIAL/SANDBOX (billed to nobody)
 * @param status its deployment status: a final one bills nothing more
 * @param cycle its billing periods (the one place of the period rules)
 * @param windowStart the start of the current commitment window (a period start of {@code cycle})
 * @param endsAt the end of the window (exclusive)
 * @param autoRenew whether the window renews by itself at {@code endsAt}
 * @param duration the window's length in billing units (as the order gave it)
 * @param prices the window's price snapshot: every level's plan, kept for the whole window
 * @param extraResources the quantities of extra resources held, per resource code
 * @param coupon the storefront coupon of the order, if any
 * @param trialEndsAt when a trial ends, if it is one
 * @param endedAt the TERMINATION/undeploy instant: postpaid billed up to it, nothing after
 * @param platformFeePercent the marketplace's platform fee in percent of the vendor amount
 * @param feeOverrides the platform fee per extra-resource code where it differs from {@code platformFeePercent}
 */
public record BillingTerms(long subscriptionId, SubscriptionType type, DeploymentStatus status, BillingCycle cycle,
                           Instant windowStart, Instant endsAt, boolean autoRenew, int duration, PriceSnapshot prices,
                           Map<String, Long> extraResources, Optional<Coupon> coupon, Optional<Instant> trialEndsAt,
                           Optional<Instant> endedAt, BigDecimal platformFeePercent, Map<String, BigDecimal> feeOverrides) {

    public BillingTerms {
        extraResources = Map.copyOf(extraResources);
        feeOverrides = Map.copyOf(feeOverrides);
    }

    /** The platform fee of each of its lines. */
    public FeePercents fees() {
        return new FeePercents(platformFeePercent, feeOverrides);
    }
}
