package org.cloudmarket.metering.domain;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One metric of a subscription in its current period so far: the billed measure and its estimated cost, the included
 * quantity, and the quota (the metric's or the marketplace's default) with the share of it used (measured as the quota
 * is watched: {@link QuotaWatch#measuredBy}).
 */
public record UsageSummary(MeasuredUsage usage, String name, String unit, BigDecimal included, Optional<MeteringSettings.Quota> quota,
                           Optional<BigDecimal> quotaPercent) {
}
