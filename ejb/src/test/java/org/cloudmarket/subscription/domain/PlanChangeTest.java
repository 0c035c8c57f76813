package org.cloudmarket.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.pricing.BillingUnit;
import org.cloudmarket.pricing.ExtraResourceBilling;
import org.cloudmarket.pricing.ExtraResourcePricing;
import org.cloudmarket.pricing.PlanPricing;
import org.cloudmarket.pricing.PricingScheme;
import org.cloudmarket.pricing.Tier;
import org.cloudmarket.pricing.TierTable;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Money;
import org.cloudmarket.subscription.domain.ProrationLine.Side;
import org.junit.jupiter.api.Test;

/** DOMAIN.md, Decisions: Changes. */
class PlanChangeTest {

    /** 30 days, 720 hours. */
    private static final BillingPeriod APRIL = BillingPeriod.ofMonths(LocalDate.of(2027, 4, 1), 1, ZoneId.of("UTC"));
    /** 240 of 720 hours left. */
    private static final Instant APRIL_21 = Instant.parse("2027-04-21T00:00:00Z");
    private static final ExtraResourcePricing SEATS = new ExtraResourcePricing("seats", "Seats", "seat", PricingScheme.TIERED,
            TierTable.of(Tier.from(1, "6.00")), ExtraResourceBilling.PRE_PAID);

    @Test
    void aDearerPlanCreditsTheOldAndDebitsTheNewForTheTimeLeft() {
        PlanPricing basic = monthly("Basic", "30.00", 1);
        PlanPricing pro = monthly("Pro", "60.00", 1);

        PricedChange change = PlanChange.price(basic, pro, Map.of("seats", 5L), APRIL, APRIL_21);

        assertThat(change.outcome()).isEqualTo(ChangeOutcome.PAID);
        assertThat(change.effectiveAt()).isEqualTo(APRIL_21);
        assertThat(change.lines()).extracting(ProrationLine::side, ProrationLine::component, ProrationLine::quantity, ProrationLine::amount)
                .containsExactly(
                        tuple(Side.CREDIT, "license", 1L, Money.of("-10.00", "EUR")),
                        tuple(Side.CREDIT, "extra:seats", 5L, Money.of("-10.00", "EUR")),
                        tuple(Side.DEBIT, "license", 1L, Money.of("20.00", "EUR")),
                        tuple(Side.DEBIT, "extra:seats", 5L, Money.of("10.00", "EUR")));
        assertThat(change.net()).isEqualTo(Money.of("10.00", "EUR"));
    }

    @Test
    void aCheaperOrEqualPlanIsDeferredToTheNextPeriodStart() {
        PlanPricing pro = monthly("Pro", "60.00", 1);

        for (PlanPricing other : List.of(monthly("Basic", "30.00", 1), monthly("Pro again", "60.00", 1))) {
            PricedChange change = PlanChange.price(pro, other, Map.of(), APRIL, APRIL_21);

            assertThat(change.outcome()).isEqualTo(ChangeOutcome.DEFERRED);
            assertThat(change.effectiveAt()).isEqualTo(APRIL.end());
            assertThat(change.lines()).isEmpty();
        }
    }

    @Test
    void dearerCountsThePrepaidItemsBesideTheLicense() {
        // 20.00 + 5 seats x 6.00 = 50.00 a month against a license of 45.00 without seats: cheaper
        PlanPricing withSeats = monthly("Team", "20.00", 1);
        PlanPricing flat = monthly("Flat", "45.00", 1);

        PricedChange change = PlanChange.price(withSeats, Map.of("seats", 5L), flat, Map.of(), APRIL, APRIL_21);

        assertThat(change.outcome()).isEqualTo(ChangeOutcome.DEFERRED);
    }

    @Test
    void anHourlyAndAMonthlyPlanCompareByTheHour() {
        // 0.05 an hour is 36.50 in an average month of 730 hours: dearer than 30.00 a month
        PlanPricing monthly = monthly("Monthly", "30.00", 1);
        PlanPricing hourly = new PlanPricing("Hourly", Money.of("0.05", "EUR"), Money.of("0", "EUR"), 1, BillingUnit.HOURS, 1, 0,
                List.of(SEATS));

        PricedChange up = PlanChange.price(monthly, hourly, Map.of(), APRIL, APRIL_21);

        // the new plan is debited its hourly price for each of the 240 hours left
        assertThat(up.lines()).extracting(ProrationLine::amount).containsExactly(Money.of("-10.00", "EUR"), Money.of("12.00", "EUR"));
        assertThat(PlanChange.price(hourly, monthly, Map.of(), BillingPeriod.ofHours(APRIL.start(), 1), APRIL.start()).outcome())
                .isEqualTo(ChangeOutcome.DEFERRED);
    }

    @Test
    void aPlanBilledEveryQuarterIsDebitedItsShareOfTheMonthLeft() {
        PlanPricing monthly = monthly("Monthly", "100.00", 1);

        assertThat(PlanChange.price(monthly, monthly("Quarterly", "270.00", 3), Map.of(), APRIL, APRIL_21).outcome())
                .as("90.00 a month").isEqualTo(ChangeOutcome.DEFERRED);
        PricedChange up = PlanChange.price(monthly, monthly("Quarterly", "330.00", 3), Map.of(), APRIL, APRIL_21);
        assertThat(up.lines()).extracting(ProrationLine::amount)
                .containsExactly(Money.of("-33.33", "EUR"), Money.of("36.67", "EUR")); // 110.00 a month, a third left
    }

    @Test
    void hoursLeftAreRoundedUp() {
        // at 10:30 on 30 April 14 hours count: 72.00 and 144.00 x 14 / 720
        PricedChange change = PlanChange.price(monthly("S", "72.00", 1), monthly("M", "144.00", 1), Map.of(), APRIL,
                Instant.parse("2027-04-30T10:30:00Z"));

        assertThat(change.lines()).extracting(ProrationLine::remainingHours).containsOnly(14L);
        assertThat(change.lines()).extracting(ProrationLine::amount).containsExactly(Money.of("-1.40", "EUR"), Money.of("2.80", "EUR"));
    }

    @Test
    void aPlanInAnotherCurrencyOrAQuantityThePlanCannotHaveIsRefused() {
        PlanPricing usd = new PlanPricing("Usd", Money.of("90.00", "USD"), Money.of("0", "USD"), 1, BillingUnit.MONTHS, 1, 0, List.of());

        assertThatThrownBy(() -> PlanChange.price(monthly("Eur", "30.00", 1), usd, Map.of(), APRIL, APRIL_21))
                .isInstanceOf(InvalidInput.class).extracting("field").isEqualTo("planId");
        assertThatThrownBy(() -> PlanChange.price(monthly("A", "30.00", 1), monthly("B", "60.00", 1), Map.of("disk", 1L), APRIL, APRIL_21))
                .isInstanceOf(InvalidInput.class).extracting("field").isEqualTo("extraResources");
    }

    private static PlanPricing monthly(String name, String license, int frequency) {
        return new PlanPricing(name, Money.of(license, "EUR"), Money.of("9.00", "EUR"), frequency, BillingUnit.MONTHS, frequency, 0,
                List.of(SEATS));
    }
}
