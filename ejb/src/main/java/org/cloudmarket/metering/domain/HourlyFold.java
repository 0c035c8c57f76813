package org.cloudmarket.metering.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cloudmarket.pricing.MetricPricing.Kind;

/**
 * Folds the raw readings of one series into hourly aggregates (METERING-CONTRACT "Gauge", "Counter", "Fold"): one
 * {@link HourAggregate} per UTC hour that has readings, from the opening value on (the last reading before the first
 * hour folded; zero before the first reading ever). A value holds until the next reading, so an hour's average weighs
 * each value by the time it held within the hour, the value carried in counting until the hour's first reading. A
 * counter's increase is the value minus the previous one, or the value itself when it went down (a reset, as
 * Prometheus counts it). At one instant, readings apply in ascending value: a counter keeps its highest value there.
 */
public final class HourlyFold {

    private static final BigDecimal HOUR_MICROS = BigDecimal.valueOf(Duration.ofHours(1).toNanos() / 1000);
    private static final int SCALE = 6;

    private HourlyFold() {
    }

    public static List<HourAggregate> fold(Kind kind, BigDecimal opening, List<SeriesPoint> points) {
        List<SeriesPoint> sorted = points.stream()
                .sorted(Comparator.comparing(SeriesPoint::at).thenComparing(SeriesPoint::value)).toList();
        List<HourAggregate> hours = new ArrayList<>();
        BigDecimal carried = opening;
        int i = 0;
        while (i < sorted.size()) {
            Instant hourStart = sorted.get(i).at().truncatedTo(ChronoUnit.HOURS);
            Instant hourEnd = hourStart.plus(Duration.ofHours(1));
            int end = i;
            while (end < sorted.size() && sorted.get(end).at().isBefore(hourEnd)) {
                end++;
            }
            HourAggregate hour = hour(kind, hourStart, carried, sorted.subList(i, end));
            hours.add(hour);
            carried = hour.lastValue();
            i = end;
        }
        return hours;
    }

    /** One hour's aggregate from the value holding at its start and its readings, in order. */
    private static HourAggregate hour(Kind kind, Instant hourStart, BigDecimal carried, List<SeriesPoint> readings) {
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal increase = BigDecimal.ZERO;
        BigDecimal peak = readings.get(0).at().isAfter(hourStart) ? carried : null;
        BigDecimal holding = carried;
        Instant since = hourStart;
        for (SeriesPoint reading : readings) {
            weighted = weighted.add(holding.multiply(BigDecimal.valueOf(micros(since, reading.at()))));
            BigDecimal value = reading.value();
            increase = increase.add(value.compareTo(holding) >= 0 ? value.subtract(holding) : value);
            peak = peak == null ? value : peak.max(value);
            holding = value;
            since = reading.at();
        }
        weighted = weighted.add(holding.multiply(BigDecimal.valueOf(micros(since, hourStart.plus(Duration.ofHours(1))))));
        BigDecimal average = weighted.divide(HOUR_MICROS, SCALE, RoundingMode.HALF_EVEN);
        return new HourAggregate(hourStart, average, peak, holding, kind == Kind.COUNTER ? increase : BigDecimal.ZERO, readings.size());
    }

    private static long micros(Instant from, Instant to) {
        return ChronoUnit.MICROS.between(from, to);
    }
}
