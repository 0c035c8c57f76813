package org.cloudmarket.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudmarket.pricing.MetricPricing.Aggregation;
import org.cloudmarket.pricing.MetricPricing.Kind;
import org.cloudmarket.pricing.QuoteLine.Type;
import org.cloudmarket.pricing.UsageEstimate.Held;
import org.cloudmarket.pricing.UsageEstimate.Segment;
import org.cloudmarket.pricing.UsageEstimate.Total;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Money;
import org.junit.jupiter.api.Test;

/** Pay-per-use in quotes: DOMAIN.md's gauge example and the metric pricing rules. */
class UsageQuoteTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    /** November 2026 in Rome: 30 days, 720 hours, no daylight-saving change. */
    private static final Instant NOVEMBER = Instant.parse("2026-11-01T08:00:00Z");
    private static final MetricPricing USERS_AVERAGE = MetricPricing.perUnit("users", "Users", "users", Kind.GAUGE,
            Aggregation.AVERAGE, BigDecimal.ZERO, new BigDecimal("2.00"));
    private static final Held TEN_TWENTY_FIFTEEN = new Held(List.of(segment(10, 10 * 24), segment(20, 15 * 24), segment(15, 5 * 24)));

    @Test
    void theGaugeAverageOfTenTwentyAndFifteenUsersCosts31_67() {
        Quote quote = PriceCalculator.quote(request(plan(USERS_AVERAGE), 1, Map.of("users", TEN_TWENTY_FIFTEEN)));

        QuoteLine usage = quote.lines().get(1);
        assertThat(usage.type()).isEqualTo(Type.USAGE);
        assertThat(usage.amount()).isEqualTo(eur("31.67"));
        assertThat(usage.description()).contains("average 15.83 users");
        assertThat(quote.total()).isEqualTo(eur("31.67"));
    }

    @Test
    void thePeakBillsTheHighestValue() {
        MetricPricing peak = MetricPricing.perUnit("users", "Users", "users", Kind.GAUGE, Aggregation.PEAK,
                BigDecimal.ZERO, new BigDecimal("2.00"));

        Quote quote = PriceCalculator.quote(request(plan(peak), 1, Map.of("users", TEN_TWENTY_FIFTEEN)));

        assertThat(quote.total()).isEqualTo(eur("40.00"));
    }

    @Test
    void theIncludedQuantityIsFreeAndEveryPeriodIsEstimatedAlike() {
        MetricPricing calls = MetricPricing.perUnit("calls", "API calls", "calls", Kind.COUNTER, Aggregation.INCREASE,
                new BigDecimal("1000"), new BigDecimal("0.01"));

        Quote quote = PriceCalculator.quote(request(plan(calls), 3, Map.of("calls", new Total(new BigDecimal("1500")))));

        assertThat(quote.total()).isEqualTo(eur("15.00"));
        assertThat(PriceCalculator.quote(request(plan(calls), 1, Map.of("calls", new Total(new BigDecimal("900"))))).total())
                .isEqualTo(eur("0.00"));
    }

    @Test
    void aTieredMetricPricesAFractionalAverageAsTheNextWholeUnit() {
        MetricPricing tiered = MetricPricing.tiered("users", "Users", "users", Kind.GAUGE, Aggregation.AVERAGE, BigDecimal.ZERO,
                PricingScheme.TIERED, TierTable.of(Tier.between(1, 9, "5.00"), Tier.from(10, "3.00")));

        // 15.83 users on average are billed as 16: 9 x 5.00 + 7 x 3.00
        Quote quote = PriceCalculator.quote(request(plan(tiered), 1, Map.of("users", TEN_TWENTY_FIFTEEN)));

        assertThat(quote.total()).isEqualTo(eur("66.00"));
    }

    @Test
    void aCounterIsEstimatedByItsTotalAndAnUnknownMetricIsNamed() {
        MetricPricing calls = MetricPricing.perUnit("calls", "API calls", "calls", Kind.COUNTER, Aggregation.INCREASE,
                BigDecimal.ZERO, new BigDecimal("0.01"));

        assertThatThrownBy(() -> PriceCalculator.quote(request(plan(calls), 1, Map.of("calls", TEN_TWENTY_FIFTEEN))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("counter")
                .extracting(failure -> ((InvalidInput) failure).field()).isEqualTo("usage");
        assertThatThrownBy(() -> PriceCalculator.quote(request(plan(calls), 1, Map.of("storage", new Total(BigDecimal.ONE)))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("no metric storage");
    }

    @Test
    void aMetricIsPricedByAUnitPriceOrByTiersButNotBoth() {
        assertThatThrownBy(() -> new MetricPricing("users", "Users", "users", Kind.GAUGE, Aggregation.AVERAGE, BigDecimal.ZERO,
                new BigDecimal("2.00"), PricingScheme.TIERED, TierTable.of(Tier.from(1, "1.00"))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> MetricPricing.perUnit("users", "Users", "users", Kind.GAUGE, Aggregation.AVERAGE,
                BigDecimal.ZERO, new BigDecimal("-1")))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("negative");
    }

    @Test
    void aDiscountOnTheTotalCoversEstimatedUsageButNotOnTheLicense() {
        PlanPricing plan = new PlanPricing("Desk", eur("10.00"), eur("0.00"), 1, BillingUnit.MONTHS, 1, 0, List.of(),
                List.of(USERS_AVERAGE));
        Coupon total = new Coupon("TEN", NOVEMBER.minusSeconds(60), NOVEMBER.plusSeconds(60),
                new Coupon.PercentOff(BigDecimal.TEN, Coupon.DiscountDestination.TOTAL));
        Coupon license = new Coupon("TEN", NOVEMBER.minusSeconds(60), NOVEMBER.plusSeconds(60),
                new Coupon.PercentOff(BigDecimal.TEN, Coupon.DiscountDestination.LICENSE));

        Map<String, UsageEstimate> usage = Map.of("users", TEN_TWENTY_FIFTEEN);
        Quote onTotal = PriceCalculator.quote(new QuoteRequest(plan, 1, Map.of(), Optional.of(total), NOVEMBER, usage, ROME));
        Quote onLicense = PriceCalculator.quote(new QuoteRequest(plan, 1, Map.of(), Optional.of(license), NOVEMBER, usage, ROME));

        assertThat(onTotal.total()).isEqualTo(eur("37.50")); // 41.67 less 4.17
        assertThat(onLicense.total()).isEqualTo(eur("40.67")); // 41.67 less 1.00
    }

    private static PlanPricing plan(MetricPricing metric) {
        return new PlanPricing("Desk", eur("0.00"), eur("0.00"), 1, BillingUnit.MONTHS, 1, 0, List.of(), List.of(metric));
    }

    private static QuoteRequest request(PlanPricing plan, int duration, Map<String, UsageEstimate> usage) {
        return new QuoteRequest(plan, duration, Map.of(), Optional.empty(), NOVEMBER, usage, ROME);
    }

    private static Segment segment(long value, long hours) {
        return new Segment(BigDecimal.valueOf(value), hours);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
