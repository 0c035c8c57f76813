package org.cloudmarket.pricing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A plan bought for {@code duration} (in the plan's billing unit) with quantities of its extra
 * resources by code, an optional coupon, and optional usage estimates of its metrics by code,
 * priced as if every period used as much as the first one in the tenant's zone. {@code at} is the
 * instant the buyer commits, when the coupon must be valid; {@code start} is when the first
 * period begins, which may be a later day, never an earlier one.
 */
public record QuoteRequest(PlanPricing plan, int duration, Map<String, Long> extraResources, Optional<Coupon> coupon, Instant at,
                           Map<String, UsageEstimate> usage, ZoneId zone, Instant start) {

    public QuoteRequest {
        extraResources = Map.copyOf(extraResources);
        usage = Map.copyOf(usage);
        Objects.requireNonNull(at, "at");
        start = start == null ? at : start;
    }

    /** A purchase whose first period begins when the buyer commits. */
    public QuoteRequest(PlanPricing plan, int duration, Map<String, Long> extraResources, Optional<Coupon> coupon, Instant at,
                        Map<String, UsageEstimate> usage, ZoneId zone) {
        this(plan, duration, extraResources, coupon, at, usage, zone, at);
    }

    /** A quote without usage estimates. */
    public QuoteRequest(PlanPricing plan, int duration, Map<String, Long> extraResources, Optional<Coupon> coupon, Instant at) {
        this(plan, duration, extraResources, coupon, at, Map.of(), ZoneOffset.UTC);
    }
}
