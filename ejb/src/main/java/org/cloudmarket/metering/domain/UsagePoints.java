package org.cloudmarket.metering.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A series' hours as the buckets of a chart, every bucket of the range present: an hour without readings carries the
 * value holding before it (its average, peak and last are that value, its increase none); a day of the tenant's zone
 * averages its hours (23, 24 or 25), peaks at their highest, adds their increases and ends with its last hour's value.
 */
public final class UsagePoints {

    private static final int SCALE = 6;

    private UsagePoints() {
    }

    /** Where the range's first bucket starts: the hour, or the day of the zone, that {@code from} falls in. */
    public static Instant firstBucket(Instant from, Granularity granularity, ZoneId zone) {
        return granularity == Granularity.HOUR ? from.truncatedTo(ChronoUnit.HOURS) : LocalDate.ofInstant(from, zone).atStartOfDay(zone).toInstant();
    }

    /**
     * The buckets from {@link #firstBucket} up to {@code to} (exclusive), from the hours with readings in that range
     * and the value {@code carried} in from before it.
     */
    public static List<UsagePoint> of(List<HourAggregate> hours, BigDecimal carried, Instant from, Instant to, Granularity granularity,
                                      ZoneId zone) {
        Map<Instant, HourAggregate> byHour = new HashMap<>();
        hours.forEach(hour -> byHour.put(hour.hourStart(), hour));
        List<UsagePoint> hourly = new ArrayList<>();
        BigDecimal holding = carried;
        for (Instant hour = firstBucket(from, granularity, zone).truncatedTo(ChronoUnit.HOURS); hour.isBefore(to); hour = hour.plus(Duration.ofHours(1))) {
            HourAggregate row = byHour.get(hour);
            if (row == null) {
                hourly.add(new UsagePoint(hour, holding, holding, BigDecimal.ZERO, holding));
            } else {
                hourly.add(new UsagePoint(hour, row.average(), row.peak(), row.increase(), row.lastValue()));
                holding = row.lastValue();
            }
        }
        return granularity == Granularity.HOUR ? hourly : days(hourly, zone);
    }

    private static List<UsagePoint> days(List<UsagePoint> hourly, ZoneId zone) {
        List<UsagePoint> days = new ArrayList<>();
        int i = 0;
        while (i < hourly.size()) {
            LocalDate day = LocalDate.ofInstant(hourly.get(i).start(), zone);
            BigDecimal sum = BigDecimal.ZERO;
            BigDecimal peak = null;
            BigDecimal increase = BigDecimal.ZERO;
            BigDecimal last = null;
            int count = 0;
            for (; i < hourly.size() && LocalDate.ofInstant(hourly.get(i).start(), zone).equals(day); i++, count++) {
                UsagePoint hour = hourly.get(i);
                sum = sum.add(hour.average());
                peak = peak == null ? hour.peak() : peak.max(hour.peak());
                increase = increase.add(hour.increase());
                last = hour.last();
            }
            days.add(new UsagePoint(day.atStartOfDay(zone).toInstant(), sum.divide(BigDecimal.valueOf(count), SCALE, RoundingMode.HALF_EVEN),
                    peak, increase, last));
        }
        return days;
    }
}
