package org.cloudmarket.billing.domain;

import java.math.BigDecimal;
import java.util.Map;
import org.cloudmarket.pricing.BillingPeriod;

/**
 * Measured usage of a closed period, per metric code (quantities, not money): the caller measures (metering's
 * UsageMeasures), the generator prices it at every level of the snapshot.
 */
@FunctionalInterface
public interface PeriodUsage {

    /** Nothing measured in any period: a subscription without metrics, or a test of prepaid lines only. */
    PeriodUsage NONE = period -> Map.of();

    /** The measured quantity of each metric in {@code period} (a period cut at the subscription's end included). */
    Map<String, BigDecimal> of(BillingPeriod period);
}
