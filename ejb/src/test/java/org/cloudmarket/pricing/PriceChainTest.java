package org.cloudmarket.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.cloudmarket.pricing.MetricPricing.Aggregation;
import org.cloudmarket.pricing.MetricPricing.Kind;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Money;
import org.junit.jupiter.api.Test;

/** Vendor price -> wholesale -> sell-in -> sell-out, for every component of a plan. */
class PriceChainTest {

    private static final java.util.Currency EUR = java.util.Currency.getInstance("EUR");
    private static final java.util.Currency USD = java.util.Currency.getInstance("USD");
    private static final java.util.Currency JPY = java.util.Currency.getInstance("JPY");

    private static final PlanPricing VENDOR = new PlanPricing("Mail Pro", eur("10.00"), eur("20.00"), 1, BillingUnit.MONTHS, 1, 0,
            List.of(new ExtraResourcePricing("storage", "Storage", "TB", PricingScheme.TIERED,
                    TierTable.of(Tier.between(1, 9, "5.00"), Tier.from(10, "3.00")), ExtraResourceBilling.PRE_PAID)),
            List.of(MetricPricing.perUnit("users", "Users", "users", Kind.GAUGE, Aggregation.AVERAGE, BigDecimal.ZERO,
                    new BigDecimal("2.00"))));

    @Test
    void eachLevelPricesFromTheOneBelow() {
        PriceLevel wholesale = new PriceLevel("wholesale", Map.of(PriceChain.LICENSE, PriceRule.fixed("8.00")), new BigDecimal("-20"));
        PriceLevel sellIn = new PriceLevel("sell-in", Map.of(), new BigDecimal("10"));
        PriceLevel sellOut = new PriceLevel("sell-out", Map.of(PriceChain.SETUP_FEE, PriceRule.fixed("0")), new BigDecimal("25"));

        PlanPricing sold = PriceChain.resolve(VENDOR, List.of(wholesale, sellIn, sellOut)).orElseThrow();

        assertThat(sold.license().amount()).isEqualByComparingTo("11.00"); // 8.00 + 10% + 25%
        assertThat(sold.setupFee().amount()).isEqualByComparingTo("0");
        assertThat(sold.extraResources().get(0).tiers().tiers()).extracting(Tier::price)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("5.50"), new BigDecimal("3.30"));
        assertThat(sold.metrics().get(0).unitPrice()).isEqualByComparingTo("2.20"); // 2.00 - 20% + 10% + 25%
    }

    @Test
    void aQuoteAtTheEndOfTheChainUsesItsPrices() {
        PriceLevel sellOut = new PriceLevel("sell-out", Map.of(), new BigDecimal("20"));

        PlanPricing sold = PriceChain.resolve(VENDOR, List.of(sellOut)).orElseThrow();
        Quote quote = PriceCalculator.quote(new QuoteRequest(sold, 1, Map.of("storage", 15L), java.util.Optional.empty(),
                java.time.Instant.parse("2026-11-01T00:00:00Z")));

        assertThat(quote.total()).isEqualTo(eur("111.60")); // 12.00 + 24.00 + 63.00 x 1.2
    }

    @Test
    void aStorefrontInAnotherCurrencyConvertsItsCostsAndSetsItsOwnPricesInItsCurrency() {
        PriceLevel wholesale = new PriceLevel("wholesale", Map.of(), new BigDecimal("-25"));
        PriceLevel sellOut = new PriceLevel("sell-out", Map.of(PriceChain.SETUP_FEE, PriceRule.fixed("9.99")), new BigDecimal("50"));
        ExchangeRate usd = new ExchangeRate(EUR, USD, new BigDecimal("1.10"));

        PlanPricing sold = PriceChain.resolve(VENDOR, List.of(wholesale), usd, List.of(sellOut)).orElseThrow();

        assertThat(sold.license().currency()).isEqualTo(USD);
        assertThat(sold.license().amount()).isEqualByComparingTo("12.375"); // 10.00 - 25% = 7.50 EUR = 8.25 USD, + 50%
        assertThat(sold.setupFee().amount()).isEqualByComparingTo("9.99"); // the storefront's own fixed price, in dollars
        assertThat(sold.extraResources().get(0).tiers().tiers()).extracting(Tier::price)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("6.1875"), new BigDecimal("3.7125"));
        assertThat(sold.metrics().get(0).unitPrice()).isEqualByComparingTo("2.475");
        Quote quote = PriceCalculator.quote(new QuoteRequest(sold, 1, Map.of(), java.util.Optional.empty(),
                java.time.Instant.parse("2026-11-01T00:00:00Z")));
        assertThat(quote.total()).isEqualTo(new Money(new BigDecimal("22.37"), USD)); // 12.38 + 9.99, rounded once per line

        Money yen = PriceChain.resolve(VENDOR, List.of(), new ExchangeRate(EUR, JPY, new BigDecimal("162.5")), List.of())
                .orElseThrow().license();
        assertThat(yen.isSameAmountAs(new Money(new BigDecimal("1625"), JPY))).as("%s", yen).isTrue();
    }

    @Test
    void aRateIsPositiveWithSixDecimalsAtMostBetweenTwoCurrencies() {
        assertThatThrownBy(() -> new ExchangeRate(EUR, USD, BigDecimal.ZERO)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new ExchangeRate(EUR, USD, new BigDecimal("1.0000001"))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new ExchangeRate(EUR, EUR, BigDecimal.ONE)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> PriceChain.resolve(VENDOR, List.of(), new ExchangeRate(USD, EUR, BigDecimal.ONE), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLevelThatDoesNotListThePlanDoesNotSellIt() {
        PriceLevel unlisted = new PriceLevel("wholesale", Map.of(), null);

        assertThat(PriceChain.resolve(VENDOR, List.of(unlisted))).isEmpty();
        assertThat(PriceChain.resolve(VENDOR, List.of())).contains(VENDOR);
    }

    @Test
    void tiersTakeMarkupsNotFixedPricesAndMarkupsStopAtMinusHundred() {
        PriceLevel fixedTiers = new PriceLevel("sell-out", Map.of(PriceChain.extraResource("storage"), PriceRule.fixed("4.00")), null);

        assertThatThrownBy(() -> PriceChain.resolve(VENDOR, List.of(fixedTiers))).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("markup, not a fixed price");
        assertThatThrownBy(() -> PriceRule.markup("-101")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new PriceRule(BigDecimal.ONE, BigDecimal.ONE)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> PriceRule.fixed("-1")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void aMarkupOnATinyUnitPriceIsNotRoundedAway() {
        PlanPricing perCall = new PlanPricing("Calls", eur("0"), eur("0"), 1, BillingUnit.MONTHS, 1, 0, List.of(),
                List.of(MetricPricing.perUnit("calls", "API calls", "calls", Kind.COUNTER, Aggregation.INCREASE, BigDecimal.ZERO,
                        new BigDecimal("0.0001"))));
        PriceLevel wholesale = new PriceLevel("wholesale", Map.of(), new BigDecimal("-30"));
        PriceLevel sellOut = new PriceLevel("sell-out", Map.of(), new BigDecimal("20"));

        PlanPricing sold = PriceChain.resolve(perCall, List.of(wholesale, sellOut)).orElseThrow();

        assertThat(sold.metrics().get(0).unitPrice()).isEqualByComparingTo("0.000084");
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
