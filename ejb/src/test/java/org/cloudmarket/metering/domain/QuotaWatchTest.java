package org.cloudmarket.metering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.cloudmarket.metering.domain.QuotaWatch.Level;
import org.cloudmarket.pricing.MetricPricing.Aggregation;
import org.cloudmarket.pricing.MetricPricing.Kind;
import org.junit.jupiter.api.Test;

/** METERING-CONTRACT, Quota: 90 % warns, 100 % is exceeded; a gauge by its PEAK, a counter by its INCREASE. */
class QuotaWatchTest {

    private static final MeteringSettings.Quota HUNDRED_GB = new MeteringSettings.Quota(new BigDecimal("100"), true);

    @Test
    void belowNinetyPercentNothingFromNinetyAWarningFromAHundredExceeded() {
        assertThat(QuotaWatch.level(HUNDRED_GB, new BigDecimal("89.999"))).isEqualTo(Level.NONE);
        assertThat(QuotaWatch.level(HUNDRED_GB, new BigDecimal("90"))).isEqualTo(Level.WARNING);
        assertThat(QuotaWatch.level(HUNDRED_GB, new BigDecimal("99.9999"))).isEqualTo(Level.WARNING);
        assertThat(QuotaWatch.level(HUNDRED_GB, new BigDecimal("100"))).isEqualTo(Level.EXCEEDED);
        assertThat(QuotaWatch.level(HUNDRED_GB, new BigDecimal("250"))).isEqualTo(Level.EXCEEDED);
    }

    @Test
    void aFractionalQuotaIsComparedExactly() {
        MeteringSettings.Quota quota = new MeteringSettings.Quota(new BigDecimal("2.5"), false);

        assertThat(QuotaWatch.level(quota, new BigDecimal("2.24"))).isEqualTo(Level.NONE);
        assertThat(QuotaWatch.level(quota, new BigDecimal("2.25"))).isEqualTo(Level.WARNING);
        assertThat(QuotaWatch.percent(quota, new BigDecimal("2.25"))).isEqualByComparingTo("90.00");
    }

    @Test
    void theShareIsInPercentToTwoDecimals() {
        assertThat(QuotaWatch.percent(HUNDRED_GB, new BigDecimal("33.3333"))).isEqualByComparingTo("33.33");
        assertThat(QuotaWatch.percent(new MeteringSettings.Quota(new BigDecimal("3"), false), BigDecimal.ONE)).isEqualByComparingTo("33.33");
    }

    @Test
    void aGaugeIsWatchedByItsPeakACounterByItsIncrease() {
        assertThat(QuotaWatch.measuredBy(Kind.GAUGE)).isEqualTo(Aggregation.PEAK);
        assertThat(QuotaWatch.measuredBy(Kind.COUNTER)).isEqualTo(Aggregation.INCREASE);
    }
}
