package org.cloudmarket.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudmarket.pricing.Coupon.AmountOff;
import org.cloudmarket.pricing.Coupon.DiscountDestination;
import org.cloudmarket.pricing.Coupon.PercentOff;
import org.cloudmarket.pricing.MetricPricing.Aggregation;
import org.cloudmarket.pricing.MetricPricing.Kind;
import org.cloudmarket.pricing.QuoteLine.Type;
import org.cloudmarket.shared.money.Money;
import org.junit.jupiter.api.Test;

/** What a buyer can check on every line: its unit price times its quantity, rounded once, is its amount. */
class QuoteLineArithmeticTest {

    private static final Instant NOW = Instant.parse("2027-04-01T08:00:00Z");
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final TierTable UNIT_PRICES = TierTable.of(Tier.between(1, 9, "5.00"), Tier.from(10, "3.00"));

    @Test
    void aChannelPriceOfFourDecimalsIsShownUnroundedSoThreeMonthsAddUp() {
        // a reseller's sell-out price: 8.00 less 30%, plus 10%, plus 35% = 8.316
        PlanPricing resold = plan("8.316", List.of(), List.of());

        Quote quote = PriceCalculator.quote(new QuoteRequest(resold, 3, Map.of(), Optional.empty(), NOW));

        QuoteLine license = quote.lines().get(0);
        assertThat(license.unitPrice().amount()).isEqualByComparingTo("8.316");
        assertThat(license.amount()).isEqualTo(eur("24.95"));
        assertAddsUp(quote);
    }

    @Test
    void extraResourcesUsageAndDiscountsAddUpOverSeveralPeriods() {
        ExtraResourcePricing storage = new ExtraResourcePricing("storage", "Storage", "GB", PricingScheme.TIERED, UNIT_PRICES, ExtraResourceBilling.PRE_PAID);
        MetricPricing users = MetricPricing.perUnit("users", "Users", "users", Kind.GAUGE, Aggregation.AVERAGE,
                BigDecimal.ONE, new BigDecimal("2.00"));
        PlanPricing plan = plan("9.99", List.of(storage), List.of(users));
        UsageEstimate level = new UsageEstimate.Held(List.of(new UsageEstimate.Segment(new BigDecimal("10"), 240),
                new UsageEstimate.Segment(new BigDecimal("20"), 360), new UsageEstimate.Segment(new BigDecimal("15"), 120)));

        for (Coupon.Effect effect : List.of(new PercentOff(new BigDecimal("12.5"), DiscountDestination.TOTAL),
                new AmountOff(eur("3.333"), DiscountDestination.LICENSE), new AmountOff(eur("500"), DiscountDestination.TOTAL))) {
            Quote quote = PriceCalculator.quote(new QuoteRequest(plan, 3, Map.of("storage", 7L), Optional.of(coupon(effect)), NOW,
                    Map.of("users", level), ROME));

            assertThat(quote.lines()).extracting(QuoteLine::type)
                    .containsExactly(Type.LICENSE, Type.EXTRA_RESOURCE, Type.USAGE, Type.DISCOUNT);
            assertAddsUp(quote);
        }
    }

    @Test
    void aBundlesDiscountLinesAddUp() {
        Quote quote = PriceCalculator.quoteBundle(List.of(new BundleComponent(plan("30.01", List.of(), List.of()), new BigDecimal("33.33")),
                new BundleComponent(plan("19.99", List.of(), List.of()), new BigDecimal("10"))), 2, NOW);

        assertAddsUp(quote);
    }

    private static void assertAddsUp(Quote quote) {
        for (QuoteLine line : quote.lines()) {
            BigDecimal product = line.unitPrice().amount().multiply(line.quantity()).setScale(2, RoundingMode.HALF_UP);
            assertThat(product).as("%s: %s x %s", line.description(), line.unitPrice(), line.quantity())
                    .isEqualByComparingTo(line.amount().amount());
        }
        BigDecimal sum = quote.lines().stream().map(line -> line.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(quote.total().amount()).isEqualByComparingTo(sum);
    }

    private static PlanPricing plan(String license, List<ExtraResourcePricing> resources, List<MetricPricing> metrics) {
        return new PlanPricing("Pro", eur(license), eur("0"), 1, BillingUnit.MONTHS, 1, 0, resources, metrics);
    }

    private static Coupon coupon(Coupon.Effect effect) {
        return new Coupon("SPRING", NOW.minusSeconds(3600), NOW.plusSeconds(3600), effect);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
