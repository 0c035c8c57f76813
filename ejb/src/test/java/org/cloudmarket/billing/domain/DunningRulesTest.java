package org.cloudmarket.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cloudmarket.billing.domain.DunningRules.Action;
import org.cloudmarket.billing.domain.DunningRules.OpenInvoice;
import org.cloudmarket.billing.domain.DunningRules.Step;
import org.cloudmarket.billing.domain.DunningRules.Terms;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.StopReason;
import org.junit.jupiter.api.Test;

/** Unpaid invoices, date by date (DOMAIN.md, unpaid invoices; Decisions: Invoices), in acme's zone. */
class DunningRulesTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final Terms DEFAULTS = Terms.of(BillingSettings.of(Map.of()), ROME);

    private static Instant rome(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ROME).toInstant();
    }

    private static OpenInvoice unpaid(Instant dueAt) {
        return new OpenInvoice(InvoiceStatus.UNPAID, dueAt, Optional.empty());
    }

    @Test
    void theDefaultsAreDomainsTwoAndThreeDaysFromTheDueDate() {
        BillingSettings defaults = BillingSettings.of(Map.of());
        assertThat(defaults.sleepDays()).isEqualTo(2);
        assertThat(defaults.delayDays()).isEqualTo(3);
        assertThat(defaults.renewalReminderDays()).containsExactly(14, 10, 7, 4, 3, 2, 1);
        BillingSettings set = BillingSettings.of(Map.of("billing.sleepDays", "7", "billing.delayDays", "30",
                "billing.renewalReminderDays", "1, 7,30"));
        assertThat(set.sleepDays()).isEqualTo(7);
        assertThat(set.delayDays()).isEqualTo(30);
        assertThat(set.renewalReminderDays()).as("largest first").containsExactly(30, 7, 1);
    }

    @Test
    void badSettingsNameTheirKey() {
        assertThatThrownBy(() -> BillingSettings.of(Map.of("billing.sleepDays", "5", "billing.delayDays", "4")))
                .isInstanceOf(InvalidInput.class).hasFieldOrPropertyWithValue("field", "billing.delayDays");
        assertThatThrownBy(() -> BillingSettings.of(Map.of("billing.sleepDays", "-1")))
                .isInstanceOf(InvalidInput.class).hasFieldOrPropertyWithValue("field", "billing.sleepDays");
        assertThatThrownBy(() -> BillingSettings.of(Map.of("billing.renewalReminderDays", "14,0")))
                .isInstanceOf(InvalidInput.class).hasFieldOrPropertyWithValue("field", "billing.renewalReminderDays");
        assertThatThrownBy(() -> BillingSettings.of(Map.of("billing.renewalReminderDays", "a week")))
                .isInstanceOf(InvalidInput.class).hasFieldOrPropertyWithValue("field", "billing.renewalReminderDays");
        assertThat(BillingSettings.of(Map.of("billing.renewalReminderDays", " ")).renewalReminderDays()).as("none").isEmpty();
    }

    @Test
    void remindedFromTheDueDateStoppedAfterSleepDaysUndeployedAfterDelayDays() {
        Instant due = rome("2026-03-10T10:00");
        OpenInvoice invoice = unpaid(due);

        assertThat(DunningRules.step(invoice, due.minusSeconds(1), DEFAULTS)).isEqualTo(Step.NONE);
        assertThat(DunningRules.step(invoice, due, DEFAULTS)).as("due, not yet overdue").isEqualTo(Step.NONE);
        assertThat(DunningRules.step(invoice, due.plusSeconds(1), DEFAULTS)).isEqualTo(Step.REMIND);
        assertThat(DunningRules.step(invoice, rome("2026-03-12T09:59:59"), DEFAULTS)).isEqualTo(Step.REMIND);
        assertThat(DunningRules.step(invoice, rome("2026-03-12T10:00"), DEFAULTS)).isEqualTo(Step.STOP);
        assertThat(DunningRules.step(invoice, rome("2026-03-13T09:59:59"), DEFAULTS)).isEqualTo(Step.STOP);
        assertThat(DunningRules.step(invoice, rome("2026-03-13T10:00"), DEFAULTS)).isEqualTo(Step.UNDEPLOY);
        assertThat(DunningRules.step(invoice, rome("2027-03-13T10:00"), DEFAULTS)).isEqualTo(Step.UNDEPLOY);

        Terms long_ = new Terms(7, 30, ROME);
        assertThat(DunningRules.step(invoice, rome("2026-03-17T09:00"), long_)).isEqualTo(Step.REMIND);
        assertThat(DunningRules.step(invoice, rome("2026-03-17T10:00"), long_)).isEqualTo(Step.STOP);
        assertThat(DunningRules.step(invoice, rome("2026-04-09T09:00"), long_)).isEqualTo(Step.STOP);
        assertThat(DunningRules.step(invoice, rome("2026-04-09T10:00"), long_)).as("30 days, across the DST change").isEqualTo(Step.UNDEPLOY);
    }

    @Test
    void daysAreTheTenantsCalendarDaysAcrossDstAndMonthEnds() {
        // Rome moves to summer time on 2026-03-29 at 02:00: that day has 23 hours
        Instant due = rome("2026-03-28T10:00");
        assertThat(DunningRules.step(unpaid(due), rome("2026-03-30T09:59"), DEFAULTS)).isEqualTo(Step.REMIND);
        assertThat(DunningRules.step(unpaid(due), rome("2026-03-30T10:00"), DEFAULTS))
                .as("10:00 two days later: 47 hours, not 48").isEqualTo(Step.STOP);
        assertThat(DunningRules.step(unpaid(due), due.plus(Duration.ofHours(47)), DEFAULTS)).isEqualTo(Step.STOP);
        // and back on 2026-10-25 (25 hours)
        Instant autumn = rome("2026-10-24T10:00");
        assertThat(DunningRules.step(unpaid(autumn), autumn.plus(Duration.ofHours(48)), DEFAULTS)).as("one hour short").isEqualTo(Step.REMIND);
        assertThat(DunningRules.step(unpaid(autumn), autumn.plus(Duration.ofHours(49)), DEFAULTS)).isEqualTo(Step.STOP);
        // a due date on Jan 31 (a leap February in 2028) counts through the month end
        Instant january = rome("2028-01-31T00:00");
        assertThat(DunningRules.step(unpaid(january), rome("2028-02-01T23:59"), DEFAULTS)).isEqualTo(Step.REMIND);
        assertThat(DunningRules.step(unpaid(january), rome("2028-02-02T00:00"), DEFAULTS)).isEqualTo(Step.STOP);
        assertThat(DunningRules.step(unpaid(rome("2028-02-28T12:00")), rome("2028-03-01T12:00"), DEFAULTS))
                .as("Feb 28 + 2 days is Mar 1 in a leap year").isEqualTo(Step.STOP);
        assertThat(DunningRules.step(unpaid(rome("2028-02-28T12:00")), rome("2028-03-01T11:00"), DEFAULTS)).isEqualTo(Step.REMIND);
    }

    @Test
    void aPaymentProcessingAtTheGatewayPausesTheCountForAtMostSevenDays() {
        Instant due = rome("2026-05-04T00:00");
        // the SEPA debit started a day after the due date: one day counted, then the count stands still
        OpenInvoice pending = new OpenInvoice(InvoiceStatus.PENDING, due, Optional.of(rome("2026-05-05T00:00")));
        assertThat(DunningRules.step(pending, rome("2026-05-06T00:00"), DEFAULTS)).as("one day counted").isEqualTo(Step.REMIND);
        assertThat(DunningRules.step(pending, rome("2026-05-12T00:00"), DEFAULTS)).as("7 days paused").isEqualTo(Step.REMIND);
        assertThat(DunningRules.step(pending, rome("2026-05-12T23:59"), DEFAULTS)).isEqualTo(Step.REMIND);
        assertThat(DunningRules.step(pending, rome("2026-05-13T00:00"), DEFAULTS)).as("the pause is over: 1 + 1 days").isEqualTo(Step.STOP);
        assertThat(DunningRules.step(pending, rome("2026-05-14T00:00"), DEFAULTS)).isEqualTo(Step.UNDEPLOY);
        // without it, the same instants
        assertThat(DunningRules.step(unpaid(due), rome("2026-05-06T00:00"), DEFAULTS)).isEqualTo(Step.STOP);
        // a payment started before the due date pauses from the due date only; one of unknown start from the due date too
        OpenInvoice early = new OpenInvoice(InvoiceStatus.PENDING, due, Optional.of(rome("2026-05-01T00:00")));
        OpenInvoice unknown = new OpenInvoice(InvoiceStatus.PENDING, due, Optional.empty());
        for (OpenInvoice invoice : List.of(early, unknown)) {
            assertThat(DunningRules.step(invoice, rome("2026-05-10T00:00"), DEFAULTS)).as("still paused").isEqualTo(Step.NONE);
            assertThat(DunningRules.step(invoice, rome("2026-05-11T00:01"), DEFAULTS)).isEqualTo(Step.REMIND);
            assertThat(DunningRules.step(invoice, rome("2026-05-13T00:00"), DEFAULTS)).isEqualTo(Step.STOP);
        }
        // a pause never moves the count back: a payment started after the stop keeps it stopped
        OpenInvoice late = new OpenInvoice(InvoiceStatus.PENDING, due, Optional.of(rome("2026-05-06T12:00")));
        assertThat(DunningRules.step(late, rome("2026-05-09T00:00"), DEFAULTS)).isEqualTo(Step.STOP);
    }

    @Test
    void aFailedPaymentKeepsThePauseItBuiltUpSoTheCountGoesOnWhereItStood() {
        Instant due = rome("2026-05-04T00:00");
        // a SEPA debit started at the due date, pending 5 days, then failed: UNPAID again with its 5 days kept
        OpenInvoice pending = new OpenInvoice(InvoiceStatus.PENDING, due, Optional.of(due));
        Duration kept = DunningRules.keptAfterFailure(pending, rome("2026-05-09T00:00"));
        assertThat(kept).isEqualTo(Duration.ofDays(5));
        OpenInvoice failed = new OpenInvoice(InvoiceStatus.UNPAID, due, Optional.empty(), kept);
        assertThat(DunningRules.step(failed, rome("2026-05-09T00:00"), DEFAULTS)).as("no jump at the failure").isEqualTo(Step.NONE);
        assertThat(DunningRules.step(failed, rome("2026-05-10T00:00"), DEFAULTS)).as("1 day counted").isEqualTo(Step.REMIND);
        assertThat(DunningRules.step(failed, rome("2026-05-11T00:00"), DEFAULTS)).as("sleepDays after 5 + 2").isEqualTo(Step.STOP);
        assertThat(DunningRules.step(failed, rome("2026-05-12T00:00"), DEFAULTS)).isEqualTo(Step.UNDEPLOY);
        // forgotten (main before point 19), the count would have jumped past delayDays the moment the payment failed
        assertThat(DunningRules.step(unpaid(due), rome("2026-05-09T00:00"), DEFAULTS)).isEqualTo(Step.UNDEPLOY);

        // a second payment pauses again, but all payments together pause at most 7 days
        OpenInvoice again = new OpenInvoice(InvoiceStatus.PENDING, due, Optional.of(rome("2026-05-10T00:00")), kept);
        assertThat(DunningRules.keptAfterFailure(again, rome("2026-05-15T00:00"))).isEqualTo(DunningRules.MAX_PAUSE);
        assertThat(DunningRules.step(again, rome("2026-05-12T00:00"), DEFAULTS)).as("5 + 2 paused: 1 day counted").isEqualTo(Step.REMIND);
        assertThat(DunningRules.step(again, rome("2026-05-13T00:00"), DEFAULTS)).as("the 7 days are spent").isEqualTo(Step.STOP);
    }

    @Test
    void onlyAPendingPaymentFails() {
        assertThatThrownBy(() -> DunningRules.keptAfterFailure(unpaid(rome("2026-05-04T00:00")),
                rome("2026-05-05T00:00"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpenInvoice(InvoiceStatus.UNPAID, rome("2026-05-04T00:00"),
                Optional.empty(), Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void paidDelayedAndCancelledInvoicesAreOwedNothing() {
        Instant due = rome("2026-01-01T00:00");
        for (InvoiceStatus status : List.of(InvoiceStatus.PAID, InvoiceStatus.DELAYED, InvoiceStatus.CANCELLED, InvoiceStatus.EXPIRED)) {
            assertThat(DunningRules.step(new OpenInvoice(status, due, Optional.empty()), rome("2026-06-01T00:00"), DEFAULTS))
                    .as(status.name()).isEqualTo(Step.NONE);
        }
        assertThat(DunningRules.step(new OpenInvoice(InvoiceStatus.REQUIRES_ACTION, due, Optional.empty()), rome("2026-01-01T01:00"),
                DEFAULTS)).as("the buyer must act: not a gateway's delay").isEqualTo(Step.REMIND);
    }

    @Test
    void aDailyReminderIsOneADayFromTheDueDateUntilTheEnd() {
        Instant due = rome("2026-03-28T10:00");
        Set<LocalDate> reminded = new LinkedHashSet<>();
        List<Step> steps = new ArrayList<>();
        for (Instant at = due.minus(Duration.ofDays(1)); at.isBefore(due.plus(Duration.ofDays(5))); at = at.plus(Duration.ofHours(1))) {
            Step step = DunningRules.step(unpaid(due), at, DEFAULTS);
            steps.add(step);
            if (DunningRules.reminds(step)) {
                reminded.add(at.atZone(ROME).toLocalDate()); // the run's key: (invoice, day)
            }
        }
        assertThat(reminded).containsExactly(LocalDate.parse("2026-03-28"), LocalDate.parse("2026-03-29"), LocalDate.parse("2026-03-30"),
                LocalDate.parse("2026-03-31"));
        assertThat(steps).as("the steps only move forward").isSorted();
    }

    @Test
    void theSubscriptionsActionFollowsItsStatus() {
        assertThat(DunningRules.action(DeploymentStatus.DEPLOYED, Optional.empty(), Step.REMIND)).isEqualTo(Action.NONE);
        assertThat(DunningRules.action(DeploymentStatus.DEPLOYED, Optional.empty(), Step.STOP)).isEqualTo(Action.STOP);
        assertThat(DunningRules.action(DeploymentStatus.DEPLOYED, Optional.empty(), Step.UNDEPLOY)).isEqualTo(Action.UNDEPLOY);
        assertThat(DunningRules.action(DeploymentStatus.STOPPED, Optional.of(StopReason.UNPAID), Step.STOP)).isEqualTo(Action.NONE);
        assertThat(DunningRules.action(DeploymentStatus.STOPPED, Optional.of(StopReason.UNPAID), Step.UNDEPLOY)).isEqualTo(Action.UNDEPLOY);
        assertThat(DunningRules.action(DeploymentStatus.STOPPED, Optional.of(StopReason.UNPAID), Step.NONE))
                .as("paid after the stop").isEqualTo(Action.RESUME);
        assertThat(DunningRules.action(DeploymentStatus.STOPPED, Optional.of(StopReason.UNPAID), Step.REMIND))
                .as("what still holds it is only overdue").isEqualTo(Action.RESUME);
        assertThat(DunningRules.action(DeploymentStatus.STOPPED, Optional.of(StopReason.QUOTA), Step.NONE))
                .as("a quota stop waits for its upgrade").isEqualTo(Action.NONE);
        assertThat(DunningRules.action(DeploymentStatus.STOPPED, Optional.of(StopReason.QUOTA), Step.UNDEPLOY)).isEqualTo(Action.UNDEPLOY);
        for (DeploymentStatus other : List.of(DeploymentStatus.WAITING_PAYMENT, DeploymentStatus.PENDING, DeploymentStatus.FAILED,
                DeploymentStatus.UNDEPLOY_SENT, DeploymentStatus.UNDEPLOYED, DeploymentStatus.PAYMENT_EXPIRED)) {
            assertThat(DunningRules.action(other, Optional.empty(), Step.UNDEPLOY)).as(other.name()).isEqualTo(Action.NONE);
        }
    }
}
