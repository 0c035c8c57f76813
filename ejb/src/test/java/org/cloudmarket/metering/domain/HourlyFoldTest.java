package org.cloudmarket.metering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cloudmarket.pricing.MetricPricing.Kind;
import org.junit.jupiter.api.Test;

/** METERING-CONTRACT "Gauge", "Counter", "Fold": raw readings folded into hours. */
class HourlyFoldTest {

    @Test
    void aGaugeHourWeighsEachValueByTheTimeItHeldTheCarriedValueUntilTheFirstReading() {
        List<HourAggregate> hours = HourlyFold.fold(Kind.GAUGE, new BigDecimal("2"), List.of(point("10:15", "6"), point("10:45", "4")));

        assertThat(hours).hasSize(1);
        HourAggregate hour = hours.get(0);
        assertThat(hour.hourStart()).isEqualTo(at("10:00"));
        // 2 for 15 minutes, 6 for 30, 4 for 15: (0.5 + 3 + 1) / 1
        assertThat(hour.average()).isEqualByComparingTo("4.5");
        assertThat(hour.peak()).isEqualByComparingTo("6");
        assertThat(hour.lastValue()).isEqualByComparingTo("4");
        assertThat(hour.readings()).isEqualTo(2);
    }

    @Test
    void aReadingAtTheHoursStartLeavesTheCarriedValueOutOfThePeak() {
        HourAggregate hour = HourlyFold.fold(Kind.GAUGE, new BigDecimal("9"), List.of(point("10:00", "3"))).get(0);

        assertThat(hour.average()).isEqualByComparingTo("3");
        assertThat(hour.peak()).isEqualByComparingTo("3");
    }

    @Test
    void beforeTheFirstReadingEverAGaugeIsZero() {
        HourAggregate hour = HourlyFold.fold(Kind.GAUGE, BigDecimal.ZERO, List.of(point("10:30", "8"))).get(0);

        assertThat(hour.average()).isEqualByComparingTo("4");
        assertThat(hour.peak()).isEqualByComparingTo("8");
    }

    @Test
    void onlyHoursWithReadingsHaveAnAggregateAndEachCarriesTheLastValueOn() {
        List<HourAggregate> hours = HourlyFold.fold(Kind.GAUGE, BigDecimal.ZERO, List.of(point("09:00", "2"), point("12:30", "4")));

        assertThat(hours).extracting(HourAggregate::hourStart).containsExactly(at("09:00"), at("12:00"));
        // the 2 read at 09:00 held through 10 and 11 until 12:30
        assertThat(hours.get(1).average()).isEqualByComparingTo("3");
        assertThat(hours.get(1).peak()).isEqualByComparingTo("4");
    }

    @Test
    void aCounterThatWentDownWasResetAndItsNewValueIsAnIncrease() {
        List<HourAggregate> hours = HourlyFold.fold(Kind.COUNTER, BigDecimal.ZERO,
                List.of(point("10:00", "5"), point("10:20", "12"), point("10:40", "3"), point("11:10", "7")));

        // from 0: +5, +7, reset to 3: +3; then +4
        assertThat(hours.get(0).increase()).isEqualByComparingTo("15");
        assertThat(hours.get(0).lastValue()).isEqualByComparingTo("3");
        assertThat(hours.get(1).increase()).isEqualByComparingTo("4");
    }

    @Test
    void aCounterIncreasesFromTheOpeningValue() {
        HourAggregate hour = HourlyFold.fold(Kind.COUNTER, new BigDecimal("100"), List.of(point("10:05", "130"))).get(0);

        assertThat(hour.increase()).isEqualByComparingTo("30");
    }

    @Test
    void atOneInstantACounterKeepsItsHighestValueWhateverTheOrderSent() {
        HourAggregate hour = HourlyFold.fold(Kind.COUNTER, new BigDecimal("1"), List.of(point("10:05", "7"), point("10:05", "5"))).get(0);

        assertThat(hour.increase()).isEqualByComparingTo("6");
        assertThat(hour.lastValue()).isEqualByComparingTo("7");
    }

    @Test
    void aLateGaugeReadingChangesItsHourAndTheHourOfTheNextReadingAndNoOther() {
        List<SeriesPoint> points = new ArrayList<>(List.of(point("09:00", "2"), point("13:30", "4"), point("15:00", "6")));
        Map<Instant, HourAggregate> before = byHour(HourlyFold.fold(Kind.GAUGE, BigDecimal.ZERO, points));

        points.add(point("11:15", "10"));
        Map<Instant, HourAggregate> after = byHour(HourlyFold.fold(Kind.GAUGE, BigDecimal.ZERO, points));

        assertThat(after.keySet()).containsExactlyInAnyOrder(at("09:00"), at("11:00"), at("13:00"), at("15:00"));
        assertThat(after.get(at("09:00"))).isEqualTo(before.get(at("09:00")));
        assertThat(after.get(at("15:00"))).isEqualTo(before.get(at("15:00")));
        // 11:00: 2 for 15 minutes, then 10
        assertThat(after.get(at("11:00")).average()).isEqualByComparingTo("8");
        // 13:00: the late 10 held until 13:30, where 2 held before
        assertThat(before.get(at("13:00")).average()).isEqualByComparingTo("3");
        assertThat(after.get(at("13:00")).average()).isEqualByComparingTo("7");
        assertThat(after.get(at("13:00")).peak()).isEqualByComparingTo("10");
    }

    private static Map<Instant, HourAggregate> byHour(List<HourAggregate> hours) {
        return hours.stream().collect(Collectors.toMap(HourAggregate::hourStart, Function.identity()));
    }

    private static SeriesPoint point(String time, String value) {
        return new SeriesPoint(at(time), new BigDecimal(value));
    }

    private static Instant at(String time) {
        return Instant.parse("2027-04-01T" + time + ":00Z");
    }
}
