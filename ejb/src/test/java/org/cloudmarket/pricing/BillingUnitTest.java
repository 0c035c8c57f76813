package org.cloudmarket.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
}
