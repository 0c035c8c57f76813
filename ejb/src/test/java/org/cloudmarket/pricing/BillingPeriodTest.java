package org.cloudmarket.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BillingPeriodTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    @Test
    void monthsOf28To31DaysHaveTheirHours() {
        assertThat(BillingPeriod.ofMonths(LocalDate.of(2027, 2, 1), 1, UTC).hours()).isEqualTo(28 * 24);
        assertThat(BillingPeriod.ofMonths(LocalDate.of(2028, 2, 1), 1, UTC).hours()).isEqualTo(29 * 24);
        assertThat(BillingPeriod.ofMonths(LocalDate.of(2027, 4, 1), 1, UTC).hours()).isEqualTo(30 * 24);
        assertThat(BillingPeriod.ofMonths(LocalDate.of(2027, 1, 1), 1, UTC).hours()).isEqualTo(31 * 24);
    }

    @Test
    void aDaylightSavingChangeInsideThePeriodMovesItsHours() {
        // Clocks go forward on 28 March 2027 and back on 31 October 2027 in Rome.
        assertThat(BillingPeriod.ofMonths(LocalDate.of(2027, 3, 1), 1, ROME).hours()).isEqualTo(31 * 24 - 1);
        assertThat(BillingPeriod.ofMonths(LocalDate.of(2027, 10, 1), 1, ROME).hours()).isEqualTo(31 * 24 + 1);
    }

    @Test
    void hourlyPeriodsForShortLivedPlans() {
        assertThat(BillingPeriod.ofHours(Instant.parse("2027-01-01T10:00:00Z"), 6).hours()).isEqualTo(6);
    }

    @Test
    void remainingHoursAreRoundedUp() {
        BillingPeriod day = BillingPeriod.ofHours(Instant.parse("2027-01-01T00:00:00Z"), 24);

        assertThat(day.remainingHoursAt(Instant.parse("2027-01-01T12:00:00Z"))).isEqualTo(12);
        assertThat(day.remainingHoursAt(Instant.parse("2027-01-01T12:00:01Z"))).isEqualTo(12);
        assertThat(day.remainingHoursAt(Instant.parse("2027-01-01T11:59:59Z"))).isEqualTo(13);
        assertThat(day.remainingHoursAt(Instant.parse("2027-01-02T00:00:00Z"))).isZero();
        assertThat(day.remainingHoursAt(Instant.parse("2026-12-31T00:00:00Z"))).isEqualTo(24);
    }
}
