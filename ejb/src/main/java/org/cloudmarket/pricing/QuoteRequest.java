package org.cloudmarket.pricing;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A plan bought for {@code duration} (in the plan's billing unit) with quantities of its extra
 * resources by code, an optional coupon, at an instant (for the coupon's validity).
 */
public record QuoteRequest(PlanPricing plan, int duration, Map<String, Long> extraResources, Optional<Coupon> coupon, Instant at) {

    public QuoteRequest {
        extraResources = Map.copyOf(extraResources);
    }
}
