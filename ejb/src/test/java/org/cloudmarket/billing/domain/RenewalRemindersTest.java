package org.cloudmarket.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.SubscriptionType;
import org.junit.jupiter.api.Test;

/** Manual renewals' reminders and lapse (DOMAIN.md, Renewal), walked hour by hour as the hourly run sees them. */
class RenewalRemindersTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final List<Integer> DAYS = BillingSettings.of(Map.of()).renewalReminderDays();

    private static Instant rome(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ROME).toInstant();
    }

    /** Every hourly run from 20 days before the end to 2 days after: the reminders sent, keyed by day as the run keys them. */
    private static Map<LocalDate, Integer> walk(Instant endsAt, ZoneId zone) {
        Map<LocalDate, Integer> sent = new LinkedHashMap<>();
        List<LocalDate> repeated = new ArrayList<>();
        for (Instant at = endsAt.minus(Duration.ofDays(20)); at.isBefore(endsAt.plus(Duration.ofDays(2))); at = at.plus(Duration.ofHours(1))) {
            OptionalInt day = RenewalReminders.reminderDay(endsAt, at, zone, DAYS);
            if (day.isPresent()) {
                Integer before = sent.putIfAbsent(at.atZone(zone).toLocalDate(), day.getAsInt());
                if (before != null && before != day.getAsInt()) {
                    repeated.add(at.atZone(zone).toLocalDate());
                }
            }
        }
        assertThat(repeated).as("one reminder kind a day").isEmpty();
        return sent;
    }

    @Test
    void eachReminderDayExactlyOnceOnItsDayAcrossTheSpringDstChange() {
        // the window ends at midnight of Apr 1 (its last day is Mar 31); Rome's clocks go forward on Mar 29
        Map<LocalDate, Integer> sent = walk(rome("2026-04-01T00:00"), ROME);
        assertThat(sent).containsExactly(Map.entry(LocalDate.parse("2026-03-18"), 14), Map.entry(LocalDate.parse("2026-03-22"), 10),
                Map.entry(LocalDate.parse("2026-03-25"), 7), Map.entry(LocalDate.parse("2026-03-28"), 4), Map.entry(LocalDate.parse("2026-03-29"), 3),
                Map.entry(LocalDate.parse("2026-03-30"), 2), Map.entry(LocalDate.parse("2026-03-31"), 1));
    }

    @Test
    void theAutumnChangeAndAMonthEndInALeapYear() {
        Map<LocalDate, Integer> autumn = walk(rome("2026-10-26T00:00"), ROME);
        assertThat(autumn.keySet()).hasSize(7);
        assertThat(autumn).containsEntry(LocalDate.parse("2026-10-25"), 1).containsEntry(LocalDate.parse("2026-10-24"), 2)
                .containsEntry(LocalDate.parse("2026-10-12"), 14);
        // a window clamped to Feb 29 (Jan 31 -> Feb 29 -> Mar 31, Decisions: Periods) ends at midnight of Mar 1
        Map<LocalDate, Integer> leap = walk(rome("2028-03-01T00:00"), ROME);
        assertThat(leap).containsEntry(LocalDate.parse("2028-02-29"), 1).containsEntry(LocalDate.parse("2028-02-16"), 14).hasSize(7);
    }

    @Test
    void daysAreTheTenantsNotUtcs() {
        // 2026-04-01T00:00 in Rome is Mar 31 22:00 UTC: in UTC the last day would be the 31st too, but the 14th day differs by the hour
        Instant endsAt = rome("2026-04-01T00:00");
        assertThat(RenewalReminders.reminderDay(endsAt, rome("2026-03-18T00:30"), ROME, DAYS)).hasValue(14);
        assertThat(RenewalReminders.reminderDay(endsAt, rome("2026-03-17T23:30"), ROME, DAYS)).isEmpty();
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        assertThat(RenewalReminders.reminderDay(endsAt, rome("2026-03-17T23:30"), tokyo, DAYS))
                .as("already the 18th in Tokyo, whose window ends on Apr 1 at 07:00: 15 days").isEmpty();
    }

    @Test
    void anEndDuringADayKeepsThatDayAsTheLast() {
        Instant endsAt = rome("2026-06-10T15:00");
        assertThat(RenewalReminders.reminderDay(endsAt, rome("2026-06-10T09:00"), ROME, DAYS)).hasValue(1);
        assertThat(RenewalReminders.reminderDay(endsAt, rome("2026-06-10T15:00"), ROME, DAYS)).as("at the end: the lapse, no reminder").isEmpty();
        assertThat(RenewalReminders.lapsed(endsAt, rome("2026-06-10T14:59"), false)).isFalse();
        assertThat(RenewalReminders.lapsed(endsAt, endsAt, false)).isTrue();
    }

    @Test
    void theRenewalInvoiceIsDueFromTheFirstReminderDayToTheEndAndAPaidOneDoesNotLapse() {
        Instant endsAt = rome("2026-04-01T00:00"); // last day Mar 31: the 14-day reminder is Mar 18
        assertThat(RenewalReminders.renewalInvoiceDue(endsAt, rome("2026-03-17T23:59"), ROME, DAYS)).as("15 days before").isFalse();
        assertThat(RenewalReminders.renewalInvoiceDue(endsAt, rome("2026-03-18T00:00"), ROME, DAYS)).as("the first reminder day").isTrue();
        assertThat(RenewalReminders.renewalInvoiceDue(endsAt, rome("2026-03-25T10:00"), ROME, DAYS))
                .as("no reminder day, but that one was missed: issued late").isTrue();
        assertThat(RenewalReminders.renewalInvoiceDue(endsAt, rome("2026-03-31T23:59"), ROME, DAYS)).isTrue();
        assertThat(RenewalReminders.renewalInvoiceDue(endsAt, endsAt, ROME, DAYS)).as("at the end: too late").isFalse();
        assertThat(RenewalReminders.renewalInvoiceDue(endsAt, rome("2026-03-31T12:00"), ROME, List.of())).as("no reminders set").isFalse();
        assertThat(RenewalReminders.renewalInvoiceDue(endsAt, rome("2026-03-27T12:00"), ROME, List.of(7, 3)))
                .as("a tenant's own first day, 7").isTrue();
        assertThat(RenewalReminders.renewalInvoiceDue(endsAt, rome("2026-03-24T12:00"), ROME, List.of(7, 3))).isFalse();

        assertThat(RenewalReminders.lapsed(endsAt, endsAt, true)).as("paid: renewed at the end, never lapsed").isFalse();
        assertThat(RenewalReminders.lapsed(endsAt, rome("2026-05-01T00:00"), true)).isFalse();
        assertThat(RenewalReminders.lapsed(endsAt, endsAt, false)).isTrue();
    }

    @Test
    void onlyRunningNormalSubscriptionsWithoutAutoRenewAreManualRenewals() {
        assertThat(RenewalReminders.manual(SubscriptionType.NORMAL, DeploymentStatus.DEPLOYED, false)).isTrue();
        assertThat(RenewalReminders.manual(SubscriptionType.NORMAL, DeploymentStatus.STOPPED, false)).isTrue();
        assertThat(RenewalReminders.manual(SubscriptionType.NORMAL, DeploymentStatus.DEPLOYED, true)).as("renews by itself").isFalse();
        assertThat(RenewalReminders.manual(SubscriptionType.TRIAL, DeploymentStatus.DEPLOYED, false)).as("TrialEnds' own").isFalse();
        assertThat(RenewalReminders.manual(SubscriptionType.NORMAL, DeploymentStatus.UNDEPLOY_SENT, false)).isFalse();
        assertThat(RenewalReminders.manual(SubscriptionType.NORMAL, DeploymentStatus.WAITING_PAYMENT, false)).isFalse();
    }

    @Test
    void aTenantsOwnDaysAndNone() {
        Instant endsAt = rome("2026-04-01T00:00");
        assertThat(RenewalReminders.reminderDay(endsAt, rome("2026-03-02T12:00"), ROME, List.of(30, 1))).hasValue(30);
        assertThat(RenewalReminders.reminderDay(endsAt, rome("2026-03-31T12:00"), ROME, List.of())).isEmpty();
    }
}
