package org.cloudmarket.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.cloudmarket.shared.money.Money;
import org.junit.jupiter.api.Test;

/** DOMAIN.md, pay-per-use metrics: gauge averages weight each value by the hours it held. */
class GaugeUsageTest {

    private static final BillingPeriod APRIL = BillingPeriod.ofMonths(LocalDate.of(2027, 4, 1), 1, ZoneId.of("UTC"));
    private static final List<GaugeReading> USERS = List.of(
            GaugeReading.of(Instant.parse("2027-04-01T00:00:00Z"), 10),
            GaugeReading.of(Instant.parse("2027-04-11T00:00:00Z"), 20),
            GaugeReading.of(Instant.parse("2027-04-26T00:00:00Z"), 15));

    @Test
    void tenTwentyAndFifteenUsersAtTwoEurosCost31Euros67() {
        Money price = Money.of("2.00", "EUR").times(GaugeUsage.averageOverTime(APRIL, USERS));

        assertThat(price.rounded()).isEqualTo(Money.of("31.67", "EUR"));
    }

    @Test
    void thePeakIsTheHighestValueHeld() {
        assertThat(GaugeUsage.peak(APRIL, USERS)).isEqualByComparingTo("20");
    }

    @Test
    void aReadingBeforeThePeriodCountsFromItsStartAndOneAfterItsEndNotAtAll() {
        List<GaugeReading> readings = List.of(
                GaugeReading.of(Instant.parse("2027-03-20T00:00:00Z"), 4),
                GaugeReading.of(Instant.parse("2027-05-02T00:00:00Z"), 100));

        assertThat(GaugeUsage.averageOverTime(APRIL, readings)).isEqualByComparingTo("4");
        assertThat(GaugeUsage.peak(APRIL, readings)).isEqualByComparingTo("4");
    }

    @Test
    void noReadingsMeanNoUsage() {
        assertThat(GaugeUsage.averageOverTime(APRIL, List.of())).isEqualByComparingTo("0");
    }
}
