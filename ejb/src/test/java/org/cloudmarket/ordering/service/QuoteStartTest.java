package org.cloudmarket.ordering.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.cloudmarket.shared.error.InvalidInput;
import org.junit.jupiter.api.Test;

/** The day a quoted purchase starts: today in the tenant's zone or later, never a past day. */
class QuoteStartTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    /** 23:30 on 30 November in UTC is already 1 December in Rome. */
    private static final Instant NOW = Instant.parse("2026-11-30T23:30:00Z");

    @Test
    void withoutADayThePurchaseStartsNow() {
        assertThat(Quotes.startOf(null, ROME, NOW)).isEqualTo(NOW);
    }

    @Test
    void todayInTheTenantsZoneAndLaterDaysStartAtTheirMidnight() {
        assertThat(Quotes.startOf(LocalDate.parse("2026-12-01"), ROME, NOW)).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
        assertThat(Quotes.startOf(LocalDate.parse("2027-04-01"), ROME, NOW)).isEqualTo(Instant.parse("2027-03-31T22:00:00Z"));
    }

    @Test
    void aPastDayOrOneMoreThanAYearAheadIsRefusedNamingStart() {
        for (String day : new String[] {"2026-11-30", "2020-01-01", "2027-12-02", "+999999999-12-31"}) {
            assertThatThrownBy(() -> Quotes.startOf(LocalDate.parse(day), ROME, NOW)).as(day)
                    .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.field()).isEqualTo("start"));
        }
    }
}
