package org.cloudmarket.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.cloudmarket.shared.money.Money;
import org.junit.jupiter.api.Test;

/** DOMAIN.md: scaled unit price = unit price x remaining hours / hours in the period. */
class ProrationTest {

    private static final BillingPeriod APRIL = BillingPeriod.ofMonths(LocalDate.of(2027, 4, 1), 1, ZoneId.of("UTC"));

    @Test
    void anUpgradeHalfwayThroughThePeriodCostsHalfThePrice() {
        Money scaled = Proration.scaledUnitPrice(Money.of("10.00", "EUR"), APRIL, Instant.parse("2027-04-16T00:00:00Z"));

        assertThat(scaled.rounded()).isEqualTo(Money.of("5.00", "EUR"));
    }

    @Test
    void theNextInvoiceAddsTheScaledPriceOfTheExtraUnits() {
        // 10 days left of 30: 3 more units at 6.00 cost 3 x 6.00 x 240/720 = 6.00
        Money charge = Proration.upgradeCharge(Money.of("6.00", "EUR"), APRIL, Instant.parse("2027-04-21T00:00:00Z"), 2, 5);

        assertThat(charge.rounded()).isEqualTo(Money.of("6.00", "EUR"));
    }

    @Test
    void aStartedHourCountsAsRemaining() {
        // 1 second into the last day: 24 of 720 hours remain, a thirtieth of 30.00
        Money scaled = Proration.scaledUnitPrice(Money.of("30.00", "EUR"), APRIL, Instant.parse("2027-04-30T00:00:01Z"));

        assertThat(scaled.rounded()).isEqualTo(Money.of("1.00", "EUR"));
    }

    @Test
    void downgradesAreNotProrated() {
        assertThatThrownBy(() -> Proration.upgradeCharge(Money.of("6.00", "EUR"), APRIL, Instant.parse("2027-04-21T00:00:00Z"), 5, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
