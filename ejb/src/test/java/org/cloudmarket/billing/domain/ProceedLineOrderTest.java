package org.cloudmarket.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: a run's invoice lists its lines by subscription, period, component and kind, whatever order the run's
 * partitions wrote the proceeds in (a killed and restarted run writes them in another), so every run gives the same invoice.
 */
class ProceedLineOrderTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant DECEMBER = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant JANUARY = Instant.parse("2027-01-01T00:00:00Z");

    @Test
    void linesAreOrderedBySubscriptionPeriodComponentAndKindNotByTheOrderTheyWereWritten() {
        Proceed storage = proceed(7, "extra:storage", ProceedKind.EXTRA_RESOURCE, DECEMBER);
        Proceed license = proceed(7, "license", ProceedKind.LICENSE, DECEMBER);
        Proceed nextLicense = proceed(7, "license", ProceedKind.LICENSE, JANUARY);
        Proceed credit = proceed(7, "license", ProceedKind.PRORATION_CREDIT, JANUARY);
        Proceed otherSubscription = proceed(3, "license", ProceedKind.LICENSE, JANUARY);
        List<Proceed> expected = List.of(otherSubscription, storage, license, nextLicense, credit);

        for (List<Proceed> written : List.of(List.of(credit, license, otherSubscription, nextLicense, storage),
                List.of(nextLicense, storage, credit, otherSubscription, license))) {
            List<Proceed> lines = new ArrayList<>(written);
            lines.sort(Proceed.LINE_ORDER);
            assertThat(lines).as("written as %s", written).containsExactlyElementsOf(expected);
        }
    }

    private static Proceed proceed(long subscription, String component, ProceedKind kind, Instant periodStart) {
        return new Proceed(new Proceed.Parties(subscription, 40, 5L, null, 6, null, null, 8), component, kind, periodStart, periodStart.plusSeconds(3600),
                component, BigDecimal.ONE, new Proceed.Chain(EUR, BigDecimal.TEN, BigDecimal.TEN, EUR, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN,
                BigDecimal.ONE, null), DECEMBER);
    }
}
