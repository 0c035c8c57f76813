package org.cloudmarket.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.pricing.BillingUnit;
import org.junit.jupiter.api.Test;

/** DOMAIN.md, Decisions: Periods. */
class BillingCycleTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void aMonthlyPlanAnchorsAtMidnightOfTheStartDayInTheTenantsZone() {
        // 23:30 UTC on 14 January is already 15 January in Rome
        BillingCycle cycle = BillingCycle.of(Instant.parse("2027-01-14T23:30:00Z"), BillingUnit.MONTHS, 1, ROME);

        assertThat(cycle.anchor()).isEqualTo(Instant.parse("2027-01-14T23:00:00Z"));
        assertThat(cycle.period(0)).isEqualTo(new BillingPeriod(at(2027, 1, 15), at(2027, 2, 15)));
    }

    @Test
    void theDayOfTheMonthIsKeptFromTheAnchorAndClampedToTheMonthsEnd() {
        BillingCycle cycle = BillingCycle.startingOn(LocalDate.of(2027, 1, 31), BillingUnit.MONTHS, 1, ROME);

        assertThat(cycle.period(0).end()).isEqualTo(at(2027, 2, 28));
        // not 28 March: the start comes from the anchor's day, not from the clamped February
        assertThat(cycle.period(1)).isEqualTo(new BillingPeriod(at(2027, 2, 28), at(2027, 3, 31)));
        assertThat(cycle.period(2)).isEqualTo(new BillingPeriod(at(2027, 3, 31), at(2027, 4, 30)));
        assertThat(cycle.period(3).end()).isEqualTo(at(2027, 5, 31));
    }

    @Test
    void aLeapYearGivesFebruary29AndTheNextYearFebruary28() {
        BillingCycle yearly = BillingCycle.startingOn(LocalDate.of(2028, 2, 29), BillingUnit.MONTHS, 12, UTC);

        assertThat(yearly.period(0)).isEqualTo(new BillingPeriod(Instant.parse("2028-02-29T00:00:00Z"), Instant.parse("2029-02-28T00:00:00Z")));
        assertThat(yearly.period(4).start()).isEqualTo(Instant.parse("2032-02-29T00:00:00Z"));

        BillingCycle monthly = BillingCycle.startingOn(LocalDate.of(2028, 1, 30), BillingUnit.MONTHS, 1, UTC);
        assertThat(monthly.period(1)).isEqualTo(new BillingPeriod(Instant.parse("2028-02-29T00:00:00Z"), Instant.parse("2028-03-30T00:00:00Z")));
        assertThat(monthly.period(1).hours()).isEqualTo(30 * 24);
    }

    @Test
    void periodsStayAtLocalMidnightAcrossDaylightSavingChanges() {
        // Rome moves its clocks forward on 28 March 2027 and back on 31 October 2027
        BillingCycle cycle = BillingCycle.startingOn(LocalDate.of(2027, 3, 10), BillingUnit.MONTHS, 1, ROME);

        assertThat(cycle.period(0).start()).isEqualTo(Instant.parse("2027-03-09T23:00:00Z"));
        assertThat(cycle.period(0).end()).isEqualTo(Instant.parse("2027-04-09T22:00:00Z"));
        assertThat(cycle.period(0).hours()).isEqualTo(31 * 24 - 1);
        assertThat(cycle.period(7)).isEqualTo(new BillingPeriod(at(2027, 10, 10), at(2027, 11, 10)));
        assertThat(cycle.period(7).hours()).isEqualTo(31 * 24 + 1);
    }

    @Test
    void anHourlyPlanAnchorsAtTheOrdersInstantRoundedDownToTheHour() {
        BillingCycle cycle = BillingCycle.of(Instant.parse("2027-03-28T00:59:59Z"), BillingUnit.HOURS, 6, ROME);

        assertThat(cycle.anchor()).isEqualTo(Instant.parse("2027-03-28T00:00:00Z"));
        // the night Rome loses an hour changes nothing: hourly periods are hours of the instant line
        assertThat(cycle.period(1)).isEqualTo(new BillingPeriod(Instant.parse("2027-03-28T06:00:00Z"), Instant.parse("2027-03-28T12:00:00Z")));
        assertThat(cycle.periodAt(Instant.parse("2027-03-28T11:59:59Z"))).isEqualTo(cycle.period(1));
        assertThat(cycle.periodAt(Instant.parse("2027-03-28T12:00:00Z"))).isEqualTo(cycle.period(2));
    }

    @Test
    void anInstantFallsInThePeriodThatContainsIt() {
        BillingCycle cycle = BillingCycle.startingOn(LocalDate.of(2027, 1, 31), BillingUnit.MONTHS, 1, ROME);

        assertThat(cycle.indexAt(at(2027, 1, 31))).isZero();
        assertThat(cycle.indexAt(at(2027, 2, 28).minusSeconds(1))).isZero();
        assertThat(cycle.indexAt(at(2027, 2, 28))).isEqualTo(1);
        assertThat(cycle.indexAt(at(2027, 3, 30))).isEqualTo(1);
        assertThat(cycle.indexAt(at(2027, 3, 31))).isEqualTo(2);
        assertThat(cycle.indexAt(at(2028, 1, 15))).isEqualTo(11);
        assertThatThrownBy(() -> cycle.indexAt(at(2027, 1, 30))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyInstantOfTwoYearsLiesInThePeriodItIsGiven() {
        BillingCycle quarterly = BillingCycle.startingOn(LocalDate.of(2027, 1, 31), BillingUnit.MONTHS, 3, ROME);

        for (Instant at = at(2027, 1, 31); at.isBefore(at(2029, 1, 31)); at = at.plusSeconds(7 * 3600 + 13)) {
            BillingPeriod period = quarterly.periodAt(at);
            assertThat(at).as("in %s", period).isBetween(period.start(), period.end().minusNanos(1));
        }
    }

    @Test
    void theCommitmentWindowEndsAfterDurationOverFrequencyPeriods() {
        // a yearly commitment billed monthly, and its renewal
        BillingCycle cycle = BillingCycle.startingOn(LocalDate.of(2027, 1, 31), BillingUnit.MONTHS, 1, ROME);

        assertThat(cycle.windowEnd(12)).isEqualTo(at(2028, 1, 31));
        assertThat(cycle.windowEnd(12, 12)).isEqualTo(at(2029, 1, 31));
        assertThat(BillingCycle.of(Instant.parse("2027-01-01T10:20:00Z"), BillingUnit.HOURS, 6, UTC).windowEnd(24))
                .isEqualTo(Instant.parse("2027-01-02T10:00:00Z"));
        assertThatThrownBy(() -> BillingCycle.startingOn(LocalDate.of(2027, 1, 1), BillingUnit.MONTHS, 3, UTC).windowEnd(4))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCycleRefusesAnAnchorThatIsNotAPeriodStart() {
        assertThatThrownBy(() -> new BillingCycle(Instant.parse("2027-01-01T10:00:00Z"), BillingUnit.MONTHS, 1, UTC))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BillingCycle.of(Instant.parse("2027-01-01T00:00:00Z"), BillingUnit.MONTHS, 0, UTC))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Instant at(int year, int month, int day) {
        return ZonedDateTime.of(year, month, day, 0, 0, 0, 0, ROME).toInstant();
    }
}
