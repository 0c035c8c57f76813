package org.cloudmarket.metering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.cloudmarket.pricing.MetricPricing.Aggregation;
import org.junit.jupiter.api.Test;

class UsageBucketsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T22:00:00Z");

    private static HourAggregate hour(int offset, String average, String peak, String last, String increase) {
        return new HourAggregate(T0.plusSeconds(3600L * offset), new BigDecimal(average), new BigDecimal(peak), new BigDecimal(last),
                new BigDecimal(increase), 1);
    }

    private static List<String> values(List<SeriesPoint> points) {
        return points.stream().map(point -> point.value().stripTrailingZeros().toPlainString()).toList();
    }

    @Test
    void aGaugeCarriesItsLastValueThroughHoursWithoutReadingsAndStartsAtZero() {
        List<SeriesPoint> points = UsageBuckets.hourly(Aggregation.AVERAGE, Optional.empty(),
                List.of(hour(1, "3", "4", "4", "0")), T0.plusSeconds(60), T0.plusSeconds(4 * 3600));

        assertThat(points).extracting(SeriesPoint::at).first().isEqualTo(T0);
        assertThat(values(points)).containsExactly("0", "3", "4", "4");
    }

    @Test
    void aCounterShowsItsIncreasePerHourAndNothingBetweenReadings() {
        List<SeriesPoint> points = UsageBuckets.hourly(Aggregation.INCREASE, Optional.of(hour(-5, "0", "0", "100", "7")),
                List.of(hour(0, "0", "0", "120", "20"), hour(2, "0", "0", "125", "5")), T0, T0.plusSeconds(3 * 3600));

        assertThat(values(points)).containsExactly("20", "0", "5");
    }

    @Test
    void daysAreTheMarketplacesDaysAndFollowTheAggregation() {
        // 22:00 and 23:00 UTC are 23:00 and 00:00 in Rome: two days
        List<SeriesPoint> hourly = UsageBuckets.hourly(Aggregation.INCREASE, Optional.empty(),
                List.of(hour(0, "0", "0", "2", "2"), hour(1, "0", "0", "5", "3"), hour(2, "0", "0", "9", "4")), T0, T0.plusSeconds(3 * 3600));

        assertThat(values(UsageBuckets.daily(Aggregation.INCREASE, hourly, ZoneId.of("Europe/Rome")))).containsExactly("2", "7");
        assertThat(values(UsageBuckets.daily(Aggregation.PEAK, hourly, ZoneId.of("UTC")))).containsExactly("3", "4");
        assertThat(values(UsageBuckets.daily(Aggregation.AVERAGE, hourly, ZoneId.of("UTC")))).containsExactly("2.5", "4");
    }
}
