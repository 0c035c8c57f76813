package org.cloudmarket.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ScheduledBillingTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    @Test
    void theRunsBillUpToTheTopOfTheHour() {
        assertThat(ScheduledBilling.due(Instant.parse("2026-12-15T10:05:42Z"), ZoneOffset.UTC).at())
                .isEqualTo(Instant.parse("2026-12-15T10:00:00Z"));
    }

    @Test
    void theFirstOfTheMonthInvoicesTheMonthBeforesVendorCosts() {
        assertThat(ScheduledBilling.due(Instant.parse("2026-12-01T00:05:00Z"), ZoneOffset.UTC).vendorCostMonth())
                .contains(YearMonth.of(2026, 11));
        assertThat(ScheduledBilling.due(Instant.parse("2026-12-01T23:05:00Z"), ZoneOffset.UTC).vendorCostMonth())
                .as("every hour of the 1st: idempotent, so a missed hour is made up").contains(YearMonth.of(2026, 11));
        assertThat(ScheduledBilling.due(Instant.parse("2027-01-01T03:05:00Z"), ZoneOffset.UTC).vendorCostMonth())
                .as("across the year").contains(YearMonth.of(2026, 12));
    }

    @Test
    void noOtherDayInvoicesVendorCosts() {
        assertThat(ScheduledBilling.due(Instant.parse("2026-12-02T00:05:00Z"), ZoneOffset.UTC).vendorCostMonth()).isEmpty();
        assertThat(ScheduledBilling.due(Instant.parse("2026-11-30T22:05:00Z"), ZoneOffset.UTC).vendorCostMonth()).isEmpty();
    }

    @Test
    void theFirstIsTheTenantsOwnDay() {
        // 23:05 UTC on Nov 30 is already Dec 1 in Rome; 23:05 UTC on Dec 1 is Dec 2 there
        assertThat(ScheduledBilling.due(Instant.parse("2026-11-30T23:05:00Z"), ROME).vendorCostMonth()).contains(YearMonth.of(2026, 11));
        assertThat(ScheduledBilling.due(Instant.parse("2026-12-01T23:05:00Z"), ROME).vendorCostMonth()).isEmpty();
    }
}
