package org.cloudmarket.billing.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalInt;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.SubscriptionType;

/**
 * A manual renewal (auto-renew off, DOMAIN.md, Orders and subscriptions: Renewal): the customer is reminded on the
 * tenant's days before expiry ({@code billing.renewalReminderDays}, default 14, 10, 7, 4, 3, 2 and 1), counted in
 * calendar days of the tenant's zone to the day the window ends, "with a renewal invoice to pay": the RENEWAL order of the
 * next window and its invoice are issued on the first reminder day (or the first run after it, up to the end), once,
 * due at the window's end. Paid, the window renews at its end on that invoice's prices (the billing run renews it, as it
 * renews an auto-renewing one); unpaid at the end, the subscription ends (UNDEPLOY_SENT) and that invoice, which can no
 * longer be paid, is cancelled by a credit note (Decisions: Invoices). A reminder belongs to its day only: a day the run
 * missed is not made up later, since a late "3 days left" would be wrong. Pure: the caller keys each reminder by
 * (subscription, day), so an hourly run sends it once, and the renewal order by (subscription, period start).
 */
public final class RenewalReminders {

    private RenewalReminders() {
    }

    /** What a manual renewal is: running, billed (a trial has its own end, TrialEnds), not renewing by itself. */
    public static boolean manual(SubscriptionType type, DeploymentStatus status, boolean autoRenew) {
        return type == SubscriptionType.NORMAL && !autoRenew && (status == DeploymentStatus.DEPLOYED || status == DeploymentStatus.STOPPED);
    }

    /** How many days before expiry {@code at} is, when that is one of the reminder days; else nothing (also at and after the end). */
    public static OptionalInt reminderDay(Instant endsAt, Instant at, ZoneId zone, List<Integer> days) {
        if (!at.isBefore(endsAt)) {
            return OptionalInt.empty();
        }
        long before = daysBefore(endsAt, at, zone);
        return days.contains((int) before) ? OptionalInt.of((int) before) : OptionalInt.empty();
    }

    /**
     * Whether the next window's renewal invoice is due to be issued at {@code at}: on or after the first reminder day (the
     * furthest one), before the end. A run that missed that day issues it on a later one: unlike a reminder's text, an
     * invoice is not wrong for being late.
     */
    public static boolean renewalInvoiceDue(Instant endsAt, Instant at, ZoneId zone, List<Integer> days) {
        if (!at.isBefore(endsAt) || days.isEmpty()) {
            return false;
        }
        int first = days.stream().max(Integer::compare).orElseThrow();
        return daysBefore(endsAt, at, zone) <= first;
    }

    /**
     * The window ended and its renewal invoice was not paid: the subscription ends now. A paid one is renewed at the end by
     * the billing run (which moves endsAt on), once the window's last postpaid usage is billed on its own prices.
     */
    public static boolean lapsed(Instant endsAt, Instant at, boolean renewalPaid) {
        return !at.isBefore(endsAt) && !renewalPaid;
    }

    private static long daysBefore(Instant endsAt, Instant at, ZoneId zone) {
        return ChronoUnit.DAYS.between(at.atZone(zone).toLocalDate(), lastDay(endsAt, zone).plusDays(1));
    }

    /**
     * The last day the window covers: an end at midnight (the usual case, Decisions: Periods) leaves the day before as
     * the last one, so "1 day before" is that last day; an end during a day keeps that day.
     */
    public static LocalDate lastDay(Instant endsAt, ZoneId zone) {
        return endsAt.minusNanos(1).atZone(zone).toLocalDate();
    }
}
