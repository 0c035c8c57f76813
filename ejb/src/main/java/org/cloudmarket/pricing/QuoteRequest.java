package org.cloudmarket.pricing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * A plan bought for {@code duration} (in the plan's billing unit) with quantities of its extra
 * resources by code, an optional coupon, at an instant (for the coupon's validity and the first
 * period), and optional usage estimates of its metrics by code, priced as if every period used
 * as much as the first one in the tenant's zone.
 */
public record QuoteRequest(PlanPricing plan, int duration, Map<String, Long> extraResources, Optional<Coupon> coupon, Instant at,
                           Map<String, UsageEstimate> usage, ZoneId zone) {

    public QuoteRequest {
        extraResources = Map.copyOf(extraResources);
        usage = Map.copyOf(usage);
    }

    /** A quote without usage estimates. */
    public QuoteRequest(PlanPricing plan, int duration, Map<String, Long> extraResources, Optional<Coupon> coupon, Instant at) {
        this(plan, duration, extraResources, coupon, at, Map.of(), ZoneOffset.UTC);
    }
}
