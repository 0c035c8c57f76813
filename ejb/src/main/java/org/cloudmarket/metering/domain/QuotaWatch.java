package org.cloudmarket.metering.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.cloudmarket.pricing.MetricPricing.Aggregation;
import org.cloudmarket.pricing.MetricPricing.Kind;

/**
 * A quota against the period's usage so far (METERING-CONTRACT, Quota): a gauge is watched by its PEAK (the most
 * held at once), a counter by its INCREASE, whatever the metric is billed by. At 90 % the customer is warned; at
 * 100 % the quota is exceeded (a blocking one stops the subscription).
 */
public final class QuotaWatch {

    public enum Level { NONE, WARNING, EXCEEDED }

    private static final BigDecimal WARNING_PERCENT = BigDecimal.valueOf(90);
    private static final BigDecimal FULL_PERCENT = BigDecimal.valueOf(100);

    private QuotaWatch() {
    }

    public static Aggregation measuredBy(Kind kind) {
        return kind == Kind.GAUGE ? Aggregation.PEAK : Aggregation.INCREASE;
    }

    /** The share of the quota used, in percent, to 2 decimals. */
    public static BigDecimal percent(MeteringSettings.Quota quota, BigDecimal measured) {
        return measured.multiply(FULL_PERCENT).divide(quota.limit(), 2, RoundingMode.HALF_UP);
    }

    public static Level level(MeteringSettings.Quota quota, BigDecimal measured) {
        // compared unrounded: 89.999 % is not yet 90 %
        BigDecimal hundredfold = measured.multiply(FULL_PERCENT);
        if (hundredfold.compareTo(quota.limit().multiply(FULL_PERCENT)) >= 0) {
            return Level.EXCEEDED;
        }
        return hundredfold.compareTo(quota.limit().multiply(WARNING_PERCENT)) >= 0 ? Level.WARNING : Level.NONE;
    }
}
