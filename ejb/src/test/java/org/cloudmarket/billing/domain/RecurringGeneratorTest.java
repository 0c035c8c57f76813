package org.cloudmarket.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.pricing.ExtraResourceBilling;
import org.junit.jupiter.api.Test;

/**
 * The recurring generator against the calendar, in the style of Kill Bill's TestDefaultInvoiceGenerator: a subscription
 * starts on a date, runs happen at target instants, and each asserts the periods billed. Runs feed what they bill back
 * as billed ({@link GeneratorRuns}), which fails on any key produced twice.
 */
class RecurringGeneratorTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void aMonthEndAnchorGivesFeb28ThenMar31() {
        GeneratorTerms terms = GeneratorTerms.monthlyFrom(LocalDate.of(2027, 1, 31));
        GeneratorRuns runs = new GeneratorRuns(terms.build(), terms.firstInvoice());

        assertThat(runs.runAt(terms.local("2027-02-27T23:59:59")).proceeds()).isEmpty();
        DueProceed february = single(runs.runAt(terms.local("2027-02-28T00:00")));
        assertThat(february.period()).isEqualTo(new BillingPeriod(terms.local("2027-02-28T00:00"), terms.local("2027-03-31T00:00")));
        assertThat(february.origin()).isEqualTo(PeriodOrigin.MONTHLY);
        assertThat(february.item().kind()).isEqualTo(ProceedKind.LICENSE);
        assertThat(february.item().chain().amount()).isEqualByComparingTo("15.00");
        assertThat(runs.runAt(terms.local("2027-03-30T23:00")).proceeds()).isEmpty();
        assertThat(single(runs.runAt(terms.local("2027-03-31T00:05"))).period())
                .isEqualTo(new BillingPeriod(terms.local("2027-03-31T00:00"), terms.local("2027-04-30T00:00")));
    }

    @Test
    void aLeapYearBillsFeb29() {
        GeneratorTerms terms = GeneratorTerms.monthlyFrom(LocalDate.of(2028, 1, 31));
        GeneratorRuns runs = new GeneratorRuns(terms.build(), terms.firstInvoice());

        assertThat(runs.runAt(terms.local("2028-02-28T23:00")).proceeds()).as("Feb 29 exists in 2028").isEmpty();
        assertThat(single(runs.runAt(terms.local("2028-02-29T00:00"))).period())
                .isEqualTo(new BillingPeriod(terms.local("2028-02-29T00:00"), terms.local("2028-03-31T00:00")));
        assertThat(single(runs.runAt(terms.local("2028-03-31T00:00"))).period().start()).isEqualTo(terms.local("2028-03-31T00:00"));
    }

    @Test
    void aMonthWithTheSpringChangeInRomeIs743HoursAndTheNextStartsAtLocalMidnight() {
        GeneratorTerms terms = GeneratorTerms.monthlyFrom(LocalDate.of(2027, 3, 1)).withMetric("traffic", "0.10");
        GeneratorRuns runs = new GeneratorRuns(terms.build(), terms.firstInvoice()).usage(Map.of("traffic", new BigDecimal("10")));

        assertThat(runs.runAt(Instant.parse("2027-03-31T21:59:59Z")).proceeds()).isEmpty();
        DueProceed april = single(runs.runAt(Instant.parse("2027-03-31T22:00:00Z"))); // Apr 1 00:00 CEST
        assertThat(april.item().kind()).isEqualTo(ProceedKind.LICENSE);
        assertThat(runs.runAt(Instant.parse("2027-03-31T23:59:59Z")).proceeds()).as("usage waits for the grace").isEmpty();
        DueProceed usage = single(runs.runAt(Instant.parse("2027-04-01T00:00:00Z")));
        assertThat(usage.period()).isEqualTo(new BillingPeriod(Instant.parse("2027-02-28T23:00:00Z"), Instant.parse("2027-03-31T22:00:00Z")));
        assertThat(usage.period().hours()).isEqualTo(743);
        assertThat(usage.origin()).isEqualTo(PeriodOrigin.FIRST);
        assertThat(usage.item().chain().amount()).isEqualByComparingTo("1.00");
        assertThat(runs.measured).containsExactly(usage.period());
    }

    @Test
    void anHourlyPlanBillsBothHoursOfTheNewYorkFallBackDay() {
        GeneratorTerms terms = GeneratorTerms.hourlyFrom(Instant.parse("2027-11-07T04:00:00Z"), NEW_YORK, 720); // midnight EDT
        GeneratorRuns runs = new GeneratorRuns(terms.build(), terms.firstInvoice());

        List<DueProceed> day = runs.runAt(Instant.parse("2027-11-08T04:59:59Z")).proceeds(); // Nov 7 23:59:59 EST
        assertThat(day).hasSize(24).allMatch(proceed -> proceed.item().kind() == ProceedKind.LICENSE);
        assertThat(day).extracting(proceed -> proceed.period().start()).doesNotHaveDuplicates()
                .filteredOn(start -> start.atZone(NEW_YORK).getHour() == 1).hasSize(2); // 01:00 EDT and 01:00 EST
        assertThat(day).allMatch(proceed -> proceed.period().hours() == 1);
        assertThat(runs.runAt(Instant.parse("2027-11-08T04:59:59Z")).proceeds()).isEmpty();
    }

    @Test
    void theFirstHourlyRunAfterAPurchaseBillsNothingThenEachHourOnce() {
        Instant purchase = Instant.parse("2027-06-01T10:20:00Z");
        GeneratorTerms terms = GeneratorTerms.hourlyFrom(Instant.parse("2027-06-01T10:00:00Z"), ROME, 24);
        GeneratorRuns runs = new GeneratorRuns(terms.build(), terms.firstInvoice());

        assertThat(runs.runAt(purchase.plusSeconds(60)).proceeds()).as("period 0 is the first invoice's").isEmpty();
        DueProceed eleven = single(runs.runAt(Instant.parse("2027-06-01T11:05:00Z")));
        assertThat(eleven.period()).isEqualTo(BillingPeriod.ofHours(Instant.parse("2027-06-01T11:00:00Z"), 1));
        assertThat(runs.runAt(Instant.parse("2027-06-01T11:05:00Z")).proceeds()).isEmpty();
        List<DueProceed> caughtUp = runs.runAt(Instant.parse("2027-06-01T15:05:00Z")).proceeds();
        assertThat(caughtUp).extracting(proceed -> proceed.period().start().toString())
                .containsExactly("2027-06-01T12:00:00Z", "2027-06-01T13:00:00Z", "2027-06-01T14:00:00Z", "2027-06-01T15:00:00Z");
        assertThat(runs.written()).noneMatch(proceed -> proceed.item().kind() == ProceedKind.SETUP_FEE);
    }

    @Test
    void aYearlyCommitmentBilledMonthlyHasElevenMonthlyPeriodsThenARenewal() {
        GeneratorTerms terms = GeneratorTerms.monthlyFrom(LocalDate.of(2027, 1, 15));
        GeneratorRuns runs = new GeneratorRuns(terms.build(), terms.firstInvoice());

        for (int month = 2; month <= 12; month++) {
            BillingPlan plan = runs.runAt(terms.local(String.format("2027-%02d-15T00:05", month)));
            assertThat(single(plan).origin()).isEqualTo(PeriodOrigin.MONTHLY);
            assertThat(plan.renewalDue()).isFalse();
        }
        BillingPlan atTheEnd = runs.runAt(terms.local("2028-01-15T00:05"));
        assertThat(atTheEnd.proceeds()).as("the next period is the renewal's").isEmpty();
        assertThat(atTheEnd.renewalDue()).isTrue();
        assertThat(runs.written()).hasSize(11).extracting(proceed -> proceed.item().chain().amount().toPlainString())
                .containsOnly("15.00");

        terms.autoRenew = false;
        BillingPlan lapsed = new GeneratorRuns(terms.build(), terms.firstInvoice()).runAt(terms.local("2028-03-01T00:00"));
        assertThat(lapsed.renewalDue()).isFalse();
        assertThat(lapsed.proceeds()).hasSize(11).allMatch(proceed -> proceed.period().end().isBefore(terms.local("2028-01-16T00:00")));
    }

    @Test
    void aLateRunCatchesUpEveryDuePeriodExactlyOnce() {
        GeneratorTerms terms = GeneratorTerms.monthlyFrom(LocalDate.of(2027, 1, 10)).withMetric("traffic", "0.10");
        GeneratorRuns runs = new GeneratorRuns(terms.build(), terms.firstInvoice()).usage(Map.of("traffic", new BigDecimal("100")));

        List<DueProceed> caughtUp = runs.runAt(terms.local("2027-06-10T00:00")).proceeds();
        assertThat(caughtUp).filteredOn(proceed -> proceed.item().kind() == ProceedKind.LICENSE)
                .extracting(proceed -> proceed.period().start().atZone(terms.zone).getMonthValue()).containsExactly(2, 3, 4, 5, 6);
        assertThat(caughtUp).filteredOn(proceed -> proceed.item().kind() == ProceedKind.USAGE)
                .extracting(proceed -> proceed.period().start().atZone(terms.zone).getMonthValue()).containsExactly(1, 2, 3, 4);
        assertThat(GeneratorRuns.total(caughtUp)).isEqualByComparingTo("115.00"); // 5 x 15 + 4 x 10

        assertThat(single(runs.runAt(terms.local("2027-06-10T02:00"))).period().start()).isEqualTo(terms.local("2027-05-10T00:00"));
        int measures = runs.measured.size();
        assertThat(runs.runAt(terms.local("2027-06-10T02:00")).proceeds()).isEmpty();
        assertThat(runs.measured).as("a billed period is not measured again").hasSize(measures);
    }

    @Test
    void aFullMonthOfHourlyRunsBillsEachPeriodOnceAndOnTime() {
        Instant start = Instant.parse("2027-01-01T00:00:00Z");
        GeneratorTerms hourly = GeneratorTerms.hourlyFrom(start, ZoneId.of("UTC"), 744).withMetric("requests", "0.01");
        GeneratorTerms monthly = GeneratorTerms.monthlyFrom(LocalDate.of(2027, 1, 1)).in(ZoneId.of("UTC")).startingAt(start)
                .withMetric("traffic", "0.10").withExtra("backup", ExtraResourceBilling.POST_PAID, "2.00", 3);
        GeneratorRuns hourlyRuns = new GeneratorRuns(hourly.build(), hourly.firstInvoice()).usage(Map.of("requests", BigDecimal.TEN));
        GeneratorRuns monthlyRuns = new GeneratorRuns(monthly.build(), monthly.firstInvoice()).usage(Map.of("traffic", BigDecimal.TEN));

        for (Instant at = start.plus(Duration.ofMinutes(5)); !at.isAfter(Instant.parse("2027-02-01T02:05:00Z")); at = at.plus(Duration.ofHours(1))) {
            BillingPlan plan = hourlyRuns.runAt(at);
            Instant hour = at.minus(Duration.ofMinutes(5));
            if (hour.isBefore(Instant.parse("2027-02-01T00:00:00Z")) && hour.isAfter(start)) {
                assertThat(plan.proceeds()).filteredOn(proceed -> proceed.item().kind() == ProceedKind.LICENSE)
                        .extracting(proceed -> proceed.period().start()).as("at %s", at).containsExactly(hour);
            }
            if (!hour.isBefore(start.plus(Duration.ofHours(3)))) {
                assertThat(plan.proceeds()).filteredOn(proceed -> proceed.item().kind() == ProceedKind.USAGE)
                        .extracting(proceed -> proceed.period().end()).as("at %s", at).containsExactly(hour.minus(GeneratorTerms.GRACE));
            }
            monthlyRuns.runAt(at);
        }
        assertThat(hourlyRuns.written()).filteredOn(proceed -> proceed.item().kind() == ProceedKind.LICENSE).hasSize(743);
        assertThat(hourlyRuns.written()).filteredOn(proceed -> proceed.item().kind() == ProceedKind.USAGE).hasSize(744);
        assertThat(monthlyRuns.written()).extracting(proceed -> proceed.item().component() + "@" + proceed.period().start())
                .containsExactlyInAnyOrder("license@2027-02-01T00:00:00Z", "metric:traffic@2027-01-01T00:00:00Z",
                        "extra:backup@2027-01-01T00:00:00Z");
        assertThat(GeneratorRuns.total(monthlyRuns.written())).isEqualByComparingTo("22.00"); // 15 + 10 x 0.10 + 3 x 2.00
    }

    private static DueProceed single(BillingPlan plan) {
        assertThat(plan.proceeds()).hasSize(1);
        return plan.proceeds().get(0);
    }
}
