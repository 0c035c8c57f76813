package org.cloudmarket.pricing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A billing period [start, end). Billing counts whole hours, rounded up, as the reference
 * platform does. Periods of months begin at midnight in the tenant's zone, so a month with a
 * daylight-saving change has one hour more or less.
 */
public record BillingPeriod(Instant start, Instant end) {

    public BillingPeriod {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("A billing period ends after it starts: " + start + " .. " + end);
        }
    }

    public static BillingPeriod ofMonths(LocalDate firstDay, int months, ZoneId zone) {
        return new BillingPeriod(firstDay.atStartOfDay(zone).toInstant(), firstDay.plusMonths(months).atStartOfDay(zone).toInstant());
    }

    public static BillingPeriod ofHours(Instant start, int hours) {
        return new BillingPeriod(start, start.plus(Duration.ofHours(hours)));
    }

    public long hours() {
        return hoursUpTo(start, end);
    }

    /** Hours from {@code at} to the end, rounded up; 0 at or after the end, all of them before the start. */
    public long remainingHoursAt(Instant at) {
        if (!at.isBefore(end)) {
            return 0;
        }
        return hoursUpTo(at.isBefore(start) ? start : at, end);
    }

    private static long hoursUpTo(Instant from, Instant to) {
        Duration length = Duration.between(from, to);
        long hours = length.toHours();
        return length.equals(Duration.ofHours(hours)) ? hours : hours + 1;
    }
}
