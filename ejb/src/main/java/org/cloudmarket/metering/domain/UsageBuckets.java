package org.cloudmarket.metering.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudmarket.pricing.MetricPricing.Aggregation;

/**
 * The points of a usage chart (pages only; billing measures through UsageMeasures): one value per hour of a range,
 * from the folded hours, and the hours grouped into the days of the marketplace's zone. An hour without a row carries
 * the value holding at its start (a value holds until the next reading; 0 before the first), so a gauge's line stays
 * flat between readings, and a counter's increase is 0 there. The aggregation says which value an hour and a day show:
 * AVERAGE the mean, PEAK the highest, INCREASE the sum, VALUE the last.
 */
public final class UsageBuckets {

    private UsageBuckets() {
    }

    /** One point per whole hour of [from, to) ({@code from} truncated to its hour), given the hour before the range. */
    public static List<SeriesPoint> hourly(Aggregation aggregation, Optional<HourAggregate> before, List<HourAggregate> hours,
                                           Instant from, Instant to) {
        Map<Instant, HourAggregate> byHour = new HashMap<>();
        hours.forEach(hour -> byHour.put(hour.hourStart(), hour));
        BigDecimal holding = before.map(HourAggregate::lastValue).orElse(BigDecimal.ZERO);
        List<SeriesPoint> points = new ArrayList<>();
        for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); hour.isBefore(to); hour = hour.plus(Duration.ofHours(1))) {
            HourAggregate row = byHour.get(hour);
            points.add(new SeriesPoint(hour, row == null ? carried(aggregation, holding) : valueOf(aggregation, row)));
            if (row != null) {
                holding = row.lastValue();
            }
        }
        return points;
    }

    /** Hourly points grouped by the day of {@code zone} they start in, each day at its first hour. */
    public static List<SeriesPoint> daily(Aggregation aggregation, List<SeriesPoint> hourly, ZoneId zone) {
        Map<LocalDate, List<SeriesPoint>> days = new LinkedHashMap<>();
        hourly.forEach(point -> days.computeIfAbsent(LocalDate.ofInstant(point.at(), zone), day -> new ArrayList<>()).add(point));
        return days.values().stream().map(day -> new SeriesPoint(day.get(0).at(), combined(aggregation, day))).toList();
    }

    private static BigDecimal valueOf(Aggregation aggregation, HourAggregate hour) {
        return switch (aggregation) {
            case AVERAGE -> hour.average();
            case PEAK -> hour.peak();
            case INCREASE -> hour.increase();
            case VALUE -> hour.lastValue();
        };
    }

    private static BigDecimal carried(Aggregation aggregation, BigDecimal holding) {
        return aggregation == Aggregation.INCREASE ? BigDecimal.ZERO : holding;
    }

    private static BigDecimal combined(Aggregation aggregation, List<SeriesPoint> points) {
        List<BigDecimal> values = points.stream().map(SeriesPoint::value).toList();
        return switch (aggregation) {
            case AVERAGE -> values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL64);
            case PEAK -> values.stream().reduce(BigDecimal::max).orElse(BigDecimal.ZERO);
            case INCREASE -> values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            case VALUE -> values.get(values.size() - 1);
        };
    }
}
