package org.cloudmarket.subscription.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.pricing.BillingUnit;

/**
 * A subscription's billing periods (DOMAIN.md, Decisions: Periods), numbered from 0. A monthly
 * plan's periods start at midnight, in the tenant's zone, of the anchor's day, and keep that day
 * of the month, clamped to the month's end, as Kill Bill's billing-cycle day: period k starts on
 * {@code anchorDay.plusMonths(k x frequency)}, never on the previous start plus months, so that
 * Jan 31 gives Feb 28 and then Mar 31, not Mar 28. An hourly plan's periods start at the anchor
 * rounded down to the hour. A postponed order passes its chosen start as the anchor.
 */
public record BillingCycle(Instant anchor, BillingUnit unit, int frequency, ZoneId zone) {

    public BillingCycle {
        if (frequency < 1) {
            throw new IllegalArgumentException("A plan bills at least every 1 " + unit.name().toLowerCase() + ": " + frequency);
        }
        if (!anchor.equals(unit.periodStart(anchor, zone))) {
            throw new IllegalArgumentException("A cycle anchors at the start of a day (months) or of an hour (hours): " + anchor);
        }
    }

    /** The cycle of a subscription starting at {@code start}, anchored as DOMAIN.md says. */
    public static BillingCycle of(Instant start, BillingUnit unit, int frequency, ZoneId zone) {
        return new BillingCycle(unit.periodStart(start, zone), unit, frequency, zone);
    }

    /** A postponed order's cycle: it starts at midnight of the day the buyer chose. */
    public static BillingCycle startingOn(LocalDate day, BillingUnit unit, int frequency, ZoneId zone) {
        return of(day.atStartOfDay(zone).toInstant(), unit, frequency, zone);
    }

    /** Period {@code k}, 0 the first. */
    public BillingPeriod period(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("Periods are numbered from 0: " + k);
        }
        return new BillingPeriod(start(k), start(k + 1));
    }

    /** The number of the period {@code at} falls in. */
    public int indexAt(Instant at) {
        if (at.isBefore(anchor)) {
            throw new IllegalArgumentException(at + " is before the first period, which starts at " + anchor);
        }
        if (unit == BillingUnit.HOURS) {
            return Math.toIntExact(Duration.between(anchor, at).toHours() / frequency);
        }
        // months between the local days is right or one too many (a clamped or later day of month)
        long months = ChronoUnit.MONTHS.between(anchorDay().withDayOfMonth(1), LocalDate.ofInstant(at, zone).withDayOfMonth(1));
        int k = Math.toIntExact(months / frequency);
        return start(k).isAfter(at) ? k - 1 : k;
    }

    public BillingPeriod periodAt(Instant at) {
        return period(indexAt(at));
    }

    /**
     * When a commitment window of {@code duration} units (a multiple of the frequency) that starts
     * with period {@code firstPeriod} ends: after duration / frequency periods.
     */
    public Instant windowEnd(int firstPeriod, int duration) {
        if (duration < frequency || duration % frequency != 0) {
            throw new IllegalArgumentException("A duration is a multiple of the billing frequency " + frequency + ": " + duration);
        }
        return period(firstPeriod + duration / frequency - 1).end();
    }

    /** When the first commitment window of {@code duration} units ends. */
    public Instant windowEnd(int duration) {
        return windowEnd(0, duration);
    }

    private Instant start(int k) {
        return unit == BillingUnit.HOURS
                ? anchor.plus(Duration.ofHours((long) k * frequency))
                : anchorDay().plusMonths((long) k * frequency).atStartOfDay(zone).toInstant();
    }

    private LocalDate anchorDay() {
        return LocalDate.ofInstant(anchor, zone);
    }
}
