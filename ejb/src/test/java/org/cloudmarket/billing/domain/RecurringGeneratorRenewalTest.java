package org.cloudmarket.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A renewal and the old window's last postpaid period (review 13, point 7): that period's usage falls due only at its
 * end plus the grace, after the window ended; it is priced on the old window's prices whatever the hourly runs do, since
 * the renewal (a new snapshot) waits for it. Runs as the batch makes them: a renewal when the plan says so, then asked again.
 */
class RecurringGeneratorRenewalTest {

    private static final BigDecimal GB_A_MONTH = new BigDecimal("500");

    @Test
    void theOldWindowsLastMonthOfUsageIsPricedAtTheOldWindowsPricesThoughTheListRose() {
        GeneratorTerms old = GeneratorTerms.monthlyFrom(LocalDate.of(2027, 1, 1)).withMetric("traffic", "0.10");
        GeneratorRuns runs = new GeneratorRuns(old.build(), old.firstInvoice()).usage(Map.of("traffic", GB_A_MONTH));
        GeneratorTerms renewed = renewedAt(old, "0.12");

        // the hourly runs around the end: at the end, then an hour later (still within the grace), then past it
        for (String at : List.of("2027-12-01T00:05", "2027-12-31T23:05", "2028-01-01T00:05", "2028-01-01T01:05", "2028-01-01T02:05",
                "2028-01-01T03:05")) {
            BillingPlan plan = runs.runAt(old.local(at));
            if (plan.renewalDue()) {
                assertThat(old.local(at)).as("the renewal waits for the last period's usage").isAfterOrEqualTo(old.local("2028-01-01T02:00"));
                runs.terms = renewed.build();
                runs.runAt(old.local(at));
            }
        }

        Instant december = old.local("2027-12-01T00:00");
        assertThat(usage(runs, december)).as("500 GB at the old window's 0.10/GB").isEqualByComparingTo("50.00");
        assertThat(usage(runs, old.local("2027-11-01T00:00"))).isEqualByComparingTo("50.00");
        assertThat(runs.terms.windowStart()).as("renewed in the end").isEqualTo(old.endsAt);
        assertThat(runs.written()).as("the new window's first license, at its start")
                .anyMatch(proceed -> proceed.origin() == PeriodOrigin.RENEWAL && proceed.period().start().equals(old.endsAt)
                        && proceed.item().kind() == ProceedKind.LICENSE);
    }

    @Test
    void aWindowWithoutPostpaidRenewsAtItsEnd() {
        GeneratorTerms old = GeneratorTerms.monthlyFrom(LocalDate.of(2027, 1, 1));
        GeneratorRuns runs = new GeneratorRuns(old.build(), old.firstInvoice());
        assertThat(runs.runAt(old.local("2028-01-01T00:05")).renewalDue()).isTrue();
    }

    @Test
    void aRunPastTheGraceBillsTheLastUsageAndRenewsInOneGo() {
        GeneratorTerms old = GeneratorTerms.monthlyFrom(LocalDate.of(2027, 1, 1)).withMetric("traffic", "0.10");
        GeneratorRuns runs = new GeneratorRuns(old.build(), old.firstInvoice()).usage(Map.of("traffic", GB_A_MONTH));
        BillingPlan late = runs.runAt(old.local("2028-01-03T10:00"));
        assertThat(late.renewalDue()).isTrue();
        assertThat(usage(runs, old.local("2027-12-01T00:00"))).isEqualByComparingTo("50.00");
    }

    /** The same plan renewed at the old window's end, its metric now at {@code unitPrice}. */
    private static GeneratorTerms renewedAt(GeneratorTerms old, String unitPrice) {
        GeneratorTerms renewed = GeneratorTerms.monthlyFrom(LocalDate.of(2027, 1, 1)).withMetric("traffic", unitPrice);
        renewed.windowStart = old.endsAt;
        renewed.endsAt = renewed.cycle().windowEnd(renewed.cycle().indexAt(old.endsAt), renewed.duration);
        return renewed;
    }

    private static BigDecimal usage(GeneratorRuns runs, Instant periodStart) {
        List<DueProceed> lines = runs.written().stream().filter(proceed -> proceed.item().kind() == ProceedKind.USAGE
                && proceed.period().start().equals(periodStart)).toList();
        assertThat(lines).as("one usage line of the period starting " + periodStart).hasSize(1);
        return lines.get(0).item().chain().amount();
    }
}
