package org.cloudmarket.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudmarket.pricing.Coupon.AmountOff;
import org.cloudmarket.pricing.Coupon.DiscountDestination;
import org.cloudmarket.pricing.Coupon.ExtendedTrial;
import org.cloudmarket.pricing.Coupon.PercentOff;
import org.cloudmarket.pricing.Coupon.PriceOverride;
import org.cloudmarket.pricing.QuoteLine.Type;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Money;
import org.junit.jupiter.api.Test;

class PriceCalculatorTest {

    private static final Instant NOW = Instant.parse("2027-03-10T09:00:00Z");
    private static final TierTable UNIT_PRICES = TierTable.of(Tier.between(1, 9, "5.00"), Tier.from(10, "3.00"));
    private static final TierTable FLAT_PRICES = TierTable.of(Tier.between(1, 9, "30.00"), Tier.from(10, "100.00"));

    @Test
    void theLicenseIsChargedEveryPeriodAndTheSetupFeeOnce() {
        PlanPricing plan = monthly("100.00", "20.00", List.of());

        Quote quote = PriceCalculator.quote(request(plan, 3, Map.of(), null));

        assertThat(amounts(quote)).containsExactly("300.00", "20.00");
        assertThat(quote.total()).isEqualTo(eur("320.00"));
        assertThat(quote.lines().get(0).quantity()).isEqualByComparingTo("3");
    }

    @Test
    void fifteenUnitsCost63TieredOr45VolumeOr100Stairstep() {
        PlanPricing plan = monthly("0.00", "0.00", List.of(
                resource("tiered", PricingScheme.TIERED, UNIT_PRICES),
                resource("volume", PricingScheme.VOLUME, UNIT_PRICES),
                resource("stairstep", PricingScheme.STAIRSTEP, FLAT_PRICES)));

        for (Map.Entry<String, String> expected : Map.of("tiered", "63.00", "volume", "45.00", "stairstep", "100.00").entrySet()) {
            Quote quote = PriceCalculator.quote(request(plan, 1, Map.of(expected.getKey(), 15L), null));

            assertThat(quote.total()).as(expected.getKey()).isEqualTo(eur(expected.getValue()));
        }
    }

    @Test
    void prepaidExtraResourcesAreChargedEveryPeriod() {
        PlanPricing plan = monthly("10.00", "0.00", List.of(resource("storage", PricingScheme.TIERED, UNIT_PRICES)));

        Quote quote = PriceCalculator.quote(request(plan, 2, Map.of("storage", 15L), null));

        assertThat(quote.lines()).extracting(QuoteLine::type).containsExactly(Type.LICENSE, Type.EXTRA_RESOURCE);
        assertThat(quote.total()).isEqualTo(eur("146.00"));
    }

    @Test
    void eachLineIsRoundedOnceAndTheTotalIsTheSumOfRoundedLines() {
        PlanPricing plan = monthly("0.00", "0.00", List.of(resource("a", PricingScheme.VOLUME, TierTable.of(Tier.from(1, "0.333"))),
                resource("b", PricingScheme.VOLUME, TierTable.of(Tier.from(1, "0.333")))));

        Quote quote = PriceCalculator.quote(request(plan, 1, Map.of("a", 10L, "b", 10L), null));

        // 3.33 + 3.33, not round(6.66): lines are what the customer reads and adds up
        assertThat(amounts(quote)).containsExactly("0.00", "3.33", "3.33");
        assertThat(quote.total()).isEqualTo(eur("6.66"));
    }

    @Test
    void aPercentCouponOnTheLicenseCoversTheSetupFeeButNotExtraResources() {
        PlanPricing plan = monthly("100.00", "20.00", List.of(resource("storage", PricingScheme.TIERED, UNIT_PRICES)));

        Quote quote = PriceCalculator.quote(request(plan, 1, Map.of("storage", 15L),
                coupon(new PercentOff(new BigDecimal("10"), DiscountDestination.LICENSE))));

        assertThat(quote.lines().get(3).type()).isEqualTo(Type.DISCOUNT);
        assertThat(quote.lines().get(3).amount()).isEqualTo(eur("-12.00"));
        assertThat(quote.total()).isEqualTo(eur("171.00"));
    }

    @Test
    void aPercentCouponOnLicenseAndExtraResourcesCoversBoth() {
        PlanPricing plan = monthly("100.00", "0.00", List.of(resource("storage", PricingScheme.TIERED, UNIT_PRICES)));

        Quote quote = PriceCalculator.quote(request(plan, 1, Map.of("storage", 15L),
                coupon(new PercentOff(new BigDecimal("50"), DiscountDestination.LICENSE_AND_EXTRA_RESOURCES))));

        assertThat(quote.total()).isEqualTo(eur("81.50"));
    }

    @Test
    void anAmountCouponNeverTakesTheTotalBelowZero() {
        PlanPricing plan = monthly("10.00", "0.00", List.of());

        Quote quote = PriceCalculator.quote(request(plan, 2, Map.of(), coupon(new AmountOff(eur("25.00"), DiscountDestination.TOTAL))));

        assertThat(quote.total()).isEqualTo(eur("0.00"));
    }

    @Test
    void anAmountCouponAppliesEachPeriod() {
        PlanPricing plan = monthly("10.00", "0.00", List.of());

        Quote quote = PriceCalculator.quote(request(plan, 3, Map.of(), coupon(new AmountOff(eur("2.50"), DiscountDestination.TOTAL))));

        assertThat(quote.total()).isEqualTo(eur("22.50"));
    }

    @Test
    void aPriceOverrideReplacesTheLicensePrice() {
        PlanPricing plan = monthly("100.00", "20.00", List.of());

        Quote quote = PriceCalculator.quote(request(plan, 2, Map.of(), coupon(new PriceOverride(eur("60.00")))));

        assertThat(quote.total()).isEqualTo(eur("140.00"));
    }

    @Test
    void anExtendedTrialReplacesTheTrialLengthOnlyWhereATrialIsOffered() {
        PlanPricing withTrial = new PlanPricing("Pro", eur("10.00"), eur("0.00"), 1, BillingUnit.MONTHS, 1, 14, List.of());
        PlanPricing withoutTrial = new PlanPricing("Pro", eur("10.00"), eur("0.00"), 1, BillingUnit.MONTHS, 1, 0, List.of());

        assertThat(PriceCalculator.quote(request(withTrial, 1, Map.of(), coupon(new ExtendedTrial(60)))).trialDays()).isEqualTo(60);
        assertThat(PriceCalculator.quote(request(withoutTrial, 1, Map.of(), coupon(new ExtendedTrial(60)))).trialDays()).isZero();
        assertThat(PriceCalculator.quote(request(withTrial, 1, Map.of(), null)).trialDays()).isEqualTo(14);
    }

    @Test
    void anExpiredCouponIsRefusedByName() {
        Coupon expired = new Coupon("SPRING", Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2027-03-01T00:00:00Z"),
                new PercentOff(BigDecimal.TEN, DiscountDestination.TOTAL));

        assertThatThrownBy(() -> PriceCalculator.quote(new QuoteRequest(monthly("10.00", "0.00", List.of()), 1, Map.of(), Optional.of(expired), NOW)))
                .isInstanceOf(InvalidInput.class).hasMessage("Coupon SPRING has expired")
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("couponCode");
    }

    @Test
    void aCouponIsValidWhenTheBuyerCommitsWhateverDayThePurchaseStarts() {
        Coupon march = new Coupon("MARCH", Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2027-03-15T00:00:00Z"),
                new PercentOff(BigDecimal.TEN, DiscountDestination.TOTAL));
        PlanPricing plan = monthly("10.00", "0.00", List.of());

        Quote startingLater = PriceCalculator.quote(new QuoteRequest(plan, 1, Map.of(), Optional.of(march), NOW, Map.of(),
                java.time.ZoneOffset.UTC, Instant.parse("2027-04-01T00:00:00Z")));
        Instant afterItsEnd = Instant.parse("2027-03-20T09:00:00Z");

        assertThat(startingLater.total()).isEqualTo(eur("9.00"));
        assertThatThrownBy(() -> PriceCalculator.quote(new QuoteRequest(plan, 1, Map.of(), Optional.of(march), afterItsEnd, Map.of(),
                java.time.ZoneOffset.UTC, Instant.parse("2027-03-02T00:00:00Z"))))
                .isInstanceOf(InvalidInput.class).hasMessage("Coupon MARCH has expired");
    }

    @Test
    void aCouponNotYetValidIsRefused() {
        Coupon future = new Coupon("SUMMER", Instant.parse("2027-06-01T00:00:00Z"), Instant.parse("2027-09-01T00:00:00Z"),
                new PercentOff(BigDecimal.TEN, DiscountDestination.TOTAL));

        assertThatThrownBy(() -> PriceCalculator.quote(new QuoteRequest(monthly("10.00", "0.00", List.of()), 1, Map.of(), Optional.of(future), NOW)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("not valid yet");
    }

    @Test
    void aCouponInAnotherCurrencyIsRefused() {
        assertThatThrownBy(() -> PriceCalculator.quote(request(monthly("10.00", "0.00", List.of()), 1, Map.of(),
                coupon(new AmountOff(Money.of("5.00", "USD"), DiscountDestination.TOTAL)))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("USD");
    }

    @Test
    void theDurationIsAMultipleOfTheMinimumOrderDuration() {
        PlanPricing yearlyBilledMonthly = new PlanPricing("Pro", eur("10.00"), eur("0.00"), 1, BillingUnit.MONTHS, 12, 0, List.of());

        assertThat(PriceCalculator.quote(request(yearlyBilledMonthly, 24, Map.of(), null)).total()).isEqualTo(eur("240.00"));
        assertThatThrownBy(() -> PriceCalculator.quote(request(yearlyBilledMonthly, 18, Map.of(), null)))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).field()).isEqualTo("duration");
    }

    @Test
    void theMinimumDurationIsAMultipleOfTheBillingFrequency() {
        assertThatThrownBy(() -> new PlanPricing("Pro", eur("10.00"), eur("0.00"), 3, BillingUnit.MONTHS, 4, 0, List.of()))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).field()).isEqualTo("minimumDuration");
    }

    @Test
    void hourlyPlansBillPerBlockOfHours() {
        PlanPricing sixHours = new PlanPricing("Burst", eur("1.20"), eur("0.00"), 6, BillingUnit.HOURS, 6, 0, List.of());

        assertThat(PriceCalculator.quote(request(sixHours, 24, Map.of(), null)).total()).isEqualTo(eur("4.80"));
    }

    @Test
    void negativePricesAreRefused() {
        assertThatThrownBy(() -> monthly("-1.00", "0.00", List.of())).isInstanceOf(InvalidInput.class);
    }

    @Test
    void unknownAndPayAsYouGoResourcesCannotBeBought() {
        ExtraResourcePricing bandwidth = new ExtraResourcePricing("bandwidth", "Bandwidth", "GB", PricingScheme.VOLUME, UNIT_PRICES,
                ExtraResourceBilling.PAY_AS_YOU_GO, "bandwidth");
        PlanPricing plan = monthly("10.00", "0.00", List.of(bandwidth));

        assertThatThrownBy(() -> PriceCalculator.quote(request(plan, 1, Map.of("cpu", 2L), null)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("no extra resource cpu");
        assertThatThrownBy(() -> PriceCalculator.quote(request(plan, 1, Map.of("bandwidth", 2L), null)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("pay-as-you-go");
    }

    @Test
    void aBundleCostsTheSumOfItsDiscountedPlans() {
        List<BundleComponent> bundle = List.of(
                new BundleComponent(monthly("30.00", "0.00", List.of()), new BigDecimal("10")),
                new BundleComponent(monthly("20.00", "0.00", List.of()), new BigDecimal("20")));

        assertThat(PriceCalculator.quoteBundle(bundle, 1, NOW).total()).isEqualTo(eur("43.00"));
    }

    @Test
    void aBundleHasAtLeastTwoPlans() {
        assertThatThrownBy(() -> PriceCalculator.quoteBundle(List.of(new BundleComponent(monthly("30.00", "0.00", List.of()), BigDecimal.TEN)), 1, NOW))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("two products");
    }

    @Test
    void aBundleIsPricedInOneCurrency() {
        PlanPricing dollars = new PlanPricing("Pro", Money.of("20.00", "USD"), Money.of("0.00", "USD"), 1, BillingUnit.MONTHS, 1, 0, List.of());
        List<BundleComponent> bundle = List.of(new BundleComponent(monthly("30.00", "0.00", List.of()), BigDecimal.TEN),
                new BundleComponent(dollars, BigDecimal.TEN));

        assertThatThrownBy(() -> PriceCalculator.quoteBundle(bundle, 1, NOW)).isInstanceOf(InvalidInput.class).hasMessageContaining("one currency");
    }

    @Test
    void aQuantityAboveACappedTierTableIsTheBuyersMistake() {
        TierTable capped = TierTable.of(Tier.between(1, 9, "5.00"), Tier.between(10, 20, "3.00"));
        PlanPricing plan = monthly("0.00", "0.00", List.of(resource("storage", PricingScheme.TIERED, capped)));

        assertThatThrownBy(() -> PriceCalculator.quote(request(plan, 1, Map.of("storage", 21L), null)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("At most 20")
                .extracting(failure -> ((InvalidInput) failure).field()).isEqualTo("extraResources");
    }

    private static PlanPricing monthly(String license, String setupFee, List<ExtraResourcePricing> resources) {
        return new PlanPricing("Pro", eur(license), eur(setupFee), 1, BillingUnit.MONTHS, 1, 0, resources);
    }

    private static ExtraResourcePricing resource(String code, PricingScheme scheme, TierTable tiers) {
        return new ExtraResourcePricing(code, code, "units", scheme, tiers, ExtraResourceBilling.PRE_PAID);
    }

    private static Coupon coupon(Coupon.Effect effect) {
        return new Coupon("TEST", Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2028-01-01T00:00:00Z"), effect);
    }

    private static QuoteRequest request(PlanPricing plan, int duration, Map<String, Long> resources, Coupon coupon) {
        return new QuoteRequest(plan, duration, resources, Optional.ofNullable(coupon), NOW);
    }

    private static List<String> amounts(Quote quote) {
        return quote.lines().stream().map(line -> line.amount().amount().toPlainString()).toList();
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
