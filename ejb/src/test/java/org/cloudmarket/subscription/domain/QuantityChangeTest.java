package org.cloudmarket.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.pricing.ExtraResourceBilling;
import org.cloudmarket.pricing.ExtraResourcePricing;
import org.cloudmarket.pricing.PricingScheme;
import org.cloudmarket.pricing.Tier;
import org.cloudmarket.pricing.TierTable;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Money;
import org.cloudmarket.subscription.domain.ProrationLine.Side;
import org.junit.jupiter.api.Test;

/** DOMAIN.md: scaled unit price = unit price x remaining hours / hours in the period, remaining hours rounded up. */
class QuantityChangeTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    /** 30 days, 720 hours. */
    private static final BillingPeriod APRIL = BillingPeriod.ofMonths(LocalDate.of(2027, 4, 1), 1, ZoneId.of("UTC"));
    /** 10 days (240 hours) left: a third of the period. */
    private static final Instant APRIL_21 = Instant.parse("2027-04-21T00:00:00Z");
    private static final TierTable DOMAIN_TIERS = TierTable.of(Tier.between(1, 9, "5.00"), Tier.from(10, "3.00"));

    @Test
    void anUpgradeCreditsTheOldQuantityAndDebitsTheNewForTheHoursLeft() {
        ExtraResourcePricing seats = resource(PricingScheme.TIERED, TierTable.of(Tier.from(1, "6.00")));

        PricedChange change = QuantityChange.price(seats, EUR, APRIL, APRIL_21, 2, 5);

        assertThat(change.outcome()).isEqualTo(ChangeOutcome.PAID);
        assertThat(change.effectiveAt()).isEqualTo(APRIL_21);
        assertThat(change.lines()).extracting(ProrationLine::side, ProrationLine::component, ProrationLine::quantity,
                        line -> line.periodPrice().amount().stripTrailingZeros().toPlainString(), ProrationLine::remainingHours,
                        ProrationLine::periodHours, ProrationLine::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Side.CREDIT, "extra:seats", 2L, "12", 240L, 720L, Money.of("-4.00", "EUR")),
                        org.assertj.core.groups.Tuple.tuple(Side.DEBIT, "extra:seats", 5L, "30", 240L, 720L, Money.of("10.00", "EUR")));
        assertThat(change.net()).isEqualTo(Money.of("6.00", "EUR"));
    }

    @Test
    void withTiersEachSideIsTheSchemesPriceOfItsQuantityScaled() {
        // DOMAIN's table, 9 -> 15 units halfway through April (360 of 720 hours left)
        Instant halfway = Instant.parse("2027-04-16T00:00:00Z");

        assertThat(amounts(QuantityChange.price(resource(PricingScheme.TIERED, DOMAIN_TIERS), EUR, APRIL, halfway, 9, 15)))
                .containsExactly(Money.of("-22.50", "EUR"), Money.of("31.50", "EUR")); // 45.00 and 63.00, halved
        assertThat(amounts(QuantityChange.price(resource(PricingScheme.STAIRSTEP,
                TierTable.of(Tier.between(1, 9, "30.00"), Tier.from(10, "100.00"))), EUR, APRIL, halfway, 9, 15)))
                .containsExactly(Money.of("-15.00", "EUR"), Money.of("50.00", "EUR"));
    }

    @Test
    void anUpgradeThatCostsTheSameUnderItsSchemeIsFree() {
        // volume: 9 x 5.00 = 45.00 and 15 x 3.00 = 45.00
        PricedChange change = QuantityChange.price(resource(PricingScheme.VOLUME, DOMAIN_TIERS), EUR, APRIL,
                Instant.parse("2027-04-16T00:00:00Z"), 9, 15);

        assertThat(change.outcome()).isEqualTo(ChangeOutcome.FREE);
        assertThat(amounts(change)).containsExactly(Money.of("-22.50", "EUR"), Money.of("22.50", "EUR"));
        assertThat(change.net().amount()).isZero();
    }

    @Test
    void twoUpgradesInOnePeriodAreTwoPairsTheSecondCreditingWhatTheFirstDebited() {
        ExtraResourcePricing seats = resource(PricingScheme.TIERED, TierTable.of(Tier.from(1, "6.00")));

        PricedChange first = QuantityChange.price(seats, EUR, APRIL, Instant.parse("2027-04-11T00:00:00Z"), 2, 5);
        PricedChange second = QuantityChange.price(seats, EUR, APRIL, APRIL_21, 5, 8);

        assertThat(first.lines()).extracting(ProrationLine::quantity).containsExactly(2L, 5L);
        assertThat(second.lines()).extracting(ProrationLine::quantity).containsExactly(5L, 8L);
        assertThat(amounts(first)).containsExactly(Money.of("-8.00", "EUR"), Money.of("20.00", "EUR"));
        assertThat(amounts(second)).containsExactly(Money.of("-10.00", "EUR"), Money.of("16.00", "EUR"));
    }

    @Test
    void aStartedHourCountsAsRemaining() {
        // at 10:30 on the last day, 14 hours count (13.5 rounded up): 72.00 x 14 / 720 = 1.40 per side
        ExtraResourcePricing seats = resource(PricingScheme.TIERED, TierTable.of(Tier.from(1, "72.00")));

        PricedChange change = QuantityChange.price(seats, EUR, APRIL, Instant.parse("2027-04-30T10:30:00Z"), 0, 1);

        assertThat(change.lines()).extracting(ProrationLine::remainingHours).containsExactly(14L, 14L);
        assertThat(change.net()).isEqualTo(Money.of("1.40", "EUR"));
    }

    @Test
    void eachSideIsRoundedOnceFromItsUnroundedScaledPrice() {
        // 12.55 x 240 / 720 = 4.18333...: shown rounded, kept unrounded
        ExtraResourcePricing seats = resource(PricingScheme.TIERED, TierTable.of(Tier.from(1, "12.55")));

        ProrationLine debit = QuantityChange.price(seats, EUR, APRIL, APRIL_21, 0, 1).lines().get(1);

        assertThat(debit.scaledPrice().amount()).isEqualByComparingTo("4.183333333");
        assertThat(debit.amount()).isEqualTo(Money.of("4.18", "EUR"));
    }

    @Test
    void aDowngradeIsDeferredToTheNextPeriodStartWithoutProration() {
        PricedChange change = QuantityChange.price(resource(PricingScheme.TIERED, DOMAIN_TIERS), EUR, APRIL, APRIL_21, 15, 9);

        assertThat(change.outcome()).isEqualTo(ChangeOutcome.DEFERRED);
        assertThat(change.effectiveAt()).isEqualTo(APRIL.end());
        assertThat(change.lines()).isEmpty();
        assertThat(change.net().amount()).isZero();
    }

    @Test
    void quantitiesTheResourceCannotHaveAreTheBuyersError() {
        ExtraResourcePricing capped = resource(PricingScheme.TIERED, TierTable.of(Tier.between(1, 10, "5.00")));

        assertThatThrownBy(() -> QuantityChange.price(capped, EUR, APRIL, APRIL_21, 5, 11))
                .isInstanceOf(InvalidInput.class).extracting("field").isEqualTo("extraResources");
        assertThatThrownBy(() -> QuantityChange.price(capped, EUR, APRIL, APRIL_21, 5, -1))
                .isInstanceOf(InvalidInput.class).extracting("field").isEqualTo("extraResources");
        ExtraResourcePricing payAsYouGo = new ExtraResourcePricing("gb", "Traffic", "GB", PricingScheme.TIERED, DOMAIN_TIERS,
                ExtraResourceBilling.POST_PAID);
        assertThatThrownBy(() -> QuantityChange.price(payAsYouGo, EUR, APRIL, APRIL_21, 1, 2))
                .isInstanceOf(InvalidInput.class).extracting("field").isEqualTo("extraResources");
    }

    @Test
    void aChangeIsPricedInsideThePeriodItFallsIn() {
        ExtraResourcePricing seats = resource(PricingScheme.TIERED, DOMAIN_TIERS);

        assertThatThrownBy(() -> QuantityChange.price(seats, EUR, APRIL, APRIL.end(), 1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ExtraResourcePricing resource(PricingScheme scheme, TierTable tiers) {
        return new ExtraResourcePricing("seats", "Seats", "seat", scheme, tiers, ExtraResourceBilling.PRE_PAID);
    }

    private static java.util.List<Money> amounts(PricedChange change) {
        return change.lines().stream().map(ProrationLine::amount).toList();
    }
}
