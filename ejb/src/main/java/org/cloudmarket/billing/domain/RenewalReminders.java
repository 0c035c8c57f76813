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
 * calendar days of the tenant's zone to the day the window ends; at the end, without a renewal, the subscription ends
 * (UNDEPLOY_SENT) and its unpaid renewal invoice can no longer be paid: a credit note cancels it (Decisions: Invoices).
 * A reminder belongs to its day only: a day the run missed is not made up later, since a late "3 days left" would be
 * wrong. Pure: the caller keys each reminder by (subscription, day), so an hourly run sends it once.
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
        long before = ChronoUnit.DAYS.between(at.atZone(zone).toLocalDate(), lastDay(endsAt, zone).plusDays(1));
        return days.contains((int) before) ? OptionalInt.of((int) before) : OptionalInt.empty();
    }

    /** The window ended and nothing renewed it (a paid renewal moves endsAt on): the subscription ends now. */
    public static boolean lapsed(Instant endsAt, Instant at) {
        return !at.isBefore(endsAt);
    }

    /**
     * The last day the window covers: an end at midnight (the usual case, Decisions: Periods) leaves the day before as
     * the last one, so "1 day before" is that last day; an end during a day keeps that day.
     */
    public static LocalDate lastDay(Instant endsAt, ZoneId zone) {
        return endsAt.minusNanos(1).atZone(zone).toLocalDate();
    }
}
