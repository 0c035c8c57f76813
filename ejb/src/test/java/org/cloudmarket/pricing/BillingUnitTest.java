package org.cloudmarket.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.cloudmarket.shared.money.Money;
import org.junit.jupiter.api.Test;

/** Prices of plans billed by the hour, the month or several months, as the price of one month. */
class BillingUnitTest {

    @Test
    void anHourlyPriceCountsTheAverageMonthOf730Hours() {
        assertThat(BillingUnit.HOURS.perMonth(new BigDecimal("0.05"), 1)).isEqualByComparingTo("36.50");
        assertThat(BillingUnit.HOURS.perMonth(new BigDecimal("1.20"), 6)).isEqualByComparingTo("146.00");
    }

    @Test
    void aPriceEveryThreeMonthsIsAThirdOfItAMonth() {
        assertThat(BillingUnit.MONTHS.perMonth(new BigDecimal("24.00"), 3)).isEqualByComparingTo("8.00");
        assertThat(BillingUnit.MONTHS.perMonth(new BigDecimal("10.00"), 3)).isEqualByComparingTo("3.3333");
        assertThat(BillingUnit.MONTHS.perMonth(new BigDecimal("8.00"), 1)).isEqualByComparingTo("8.00");
    }

    @Test
    void theLargestHourlyPriceStillFitsTheStoredColumn() {
        // from_price is DECIMAL(30,4): 26 digits before the point
        BigDecimal largest = BillingUnit.HOURS.perMonth(new BigDecimal("999999999999999.9999"), 1);
        assertThat(largest.precision() - largest.scale()).isLessThanOrEqualTo(26);
    }

    @Test
    void perHourComparesAnHourlyAndAMonthlyPlanWithoutRoundingAwayCents() {
        assertThat(BillingUnit.MONTHS.perHour(new BigDecimal("36.50"), 1)).isEqualByComparingTo("0.05");
        assertThat(BillingUnit.MONTHS.perHour(new BigDecimal("109.50"), 3)).isEqualByComparingTo("0.05");
        assertThat(BillingUnit.HOURS.perHour(new BigDecimal("0.30"), 6)).isEqualByComparingTo("0.05");
        assertThat(BillingUnit.HOURS.perHour(new BigDecimal("0.0501"), 1)).isGreaterThan(BillingUnit.MONTHS.perHour(new BigDecimal("36.50"), 1));
    }

    @Test
    void periodsStartAtLocalMidnightOrAtTheHour() {
        ZoneId rome = ZoneId.of("Europe/Rome");
        Instant at = Instant.parse("2027-01-14T23:30:00Z"); // 00:30 on 15 January in Rome

        assertThat(BillingUnit.MONTHS.periodStart(at, rome)).isEqualTo(Instant.parse("2027-01-14T23:00:00Z"));
        assertThat(BillingUnit.HOURS.periodStart(Instant.parse("2027-01-14T10:59:59Z"), rome)).isEqualTo(Instant.parse("2027-01-14T10:00:00Z"));
        PlanPricing hourly = new PlanPricing("Hourly", Money.of("0.05", "EUR"), Money.of("0", "EUR"), 6, BillingUnit.HOURS, 6, 0, List.of());
        assertThat(hourly.firstPeriod(Instant.parse("2027-01-14T10:20:00Z"), rome))
                .isEqualTo(new BillingPeriod(Instant.parse("2027-01-14T10:00:00Z"), Instant.parse("2027-01-14T16:00:00Z")));
    }
}
