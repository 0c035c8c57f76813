package org.cloudmarket.metering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The usage API's buckets: every one present, hours without readings carrying the value before them. */
class UsagePointsTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    @Test
    void anHourWithoutReadingsCarriesTheValueHoldingBeforeIt() {
        List<HourAggregate> hours = List.of(hour("2027-04-01T10:00:00Z", "3", "5", "4", "0"));

        List<UsagePoint> points = UsagePoints.of(hours, new BigDecimal("2"), Instant.parse("2027-04-01T09:30:00Z"),
                Instant.parse("2027-04-01T12:00:00Z"), Granularity.HOUR, ROME);

        assertThat(points).extracting(UsagePoint::start).containsExactly(Instant.parse("2027-04-01T09:00:00Z"),
                Instant.parse("2027-04-01T10:00:00Z"), Instant.parse("2027-04-01T11:00:00Z"));
        assertThat(points.get(0).average()).isEqualByComparingTo("2");
        assertThat(points.get(1).peak()).isEqualByComparingTo("5");
        assertThat(points.get(2).average()).isEqualByComparingTo("4");
        assertThat(points.get(2).increase()).isEqualByComparingTo("0");
    }

    @Test
    void aDayOfTheZoneAveragesItsHoursAndAddsTheirIncreasesEvenOnADaylightSavingDay() {
        // 2027-03-28 in Rome has 23 hours: it starts at 2027-03-27T23:00Z
        List<HourAggregate> hours = List.of(hour("2027-03-28T05:00:00Z", "23", "23", "23", "7"));

        List<UsagePoint> days = UsagePoints.of(hours, BigDecimal.ZERO, Instant.parse("2027-03-28T10:00:00Z"),
                Instant.parse("2027-03-29T10:00:00Z"), Granularity.DAY, ROME);

        assertThat(days).extracting(UsagePoint::start).containsExactly(Instant.parse("2027-03-27T23:00:00Z"), Instant.parse("2027-03-28T22:00:00Z"));
        // 6 hours of 0, one of 23, 16 carrying 23: (23 + 16 x 23) / 23 = 17
        assertThat(days.get(0).average()).isEqualByComparingTo("17");
        assertThat(days.get(0).increase()).isEqualByComparingTo("7");
        assertThat(days.get(0).last()).isEqualByComparingTo("23");
        assertThat(days.get(1).average()).isEqualByComparingTo("23");
    }

    private static HourAggregate hour(String start, String average, String peak, String last, String increase) {
        return new HourAggregate(Instant.parse(start), new BigDecimal(average), new BigDecimal(peak), new BigDecimal(last), new BigDecimal(increase), 1);
    }
}
