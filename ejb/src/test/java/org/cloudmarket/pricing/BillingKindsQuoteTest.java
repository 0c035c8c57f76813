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
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Money;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: the three kinds of extra resource in a quote. A prepaid resource is charged with the license in advance;
 * a post-paid one is quoted for its chosen quantity as billed at each period's end, so an invoice in advance leaves it
 * out; a pay-as-you-go one is quoted from its metric's usage estimate, priced by the resource's tiers.
 */
class BillingKindsQuoteTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    /** November 2026 in Rome: 720 hours. */
    private static final Instant NOVEMBER = Instant.parse("2026-11-01T08:00:00Z");
    private static final TierTable UNIT_TIERS = TierTable.of(Tier.between(1, 9, "5.00"), Tier.from(10, "3.00"));

    private static final ExtraResourcePricing SEATS = new ExtraResourcePricing("seats", "Seats", "seats", PricingScheme.TIERED,
            UNIT_TIERS, ExtraResourceBilling.PRE_PAID);
    private static final ExtraResourcePricing DISK = new ExtraResourcePricing("disk", "Disk", "TB", PricingScheme.VOLUME,
            UNIT_TIERS, ExtraResourceBilling.POST_PAID);
    private static final ExtraResourcePricing CPU = new ExtraResourcePricing("cpu", "Extra vCPU", "vCPU", PricingScheme.TIERED,
            TierTable.of(Tier.from(1, "0.04")), ExtraResourceBilling.PAY_AS_YOU_GO, "cpu");
    private static final MetricPricing CPU_IN_USE = MetricPricing.perUnit("cpu", "vCPU in use", "vCPU", Kind.GAUGE,
            Aggregation.AVERAGE, BigDecimal.ZERO, BigDecimal.ZERO);
    private static final PlanPricing PLAN = new PlanPricing("Sandbox", eur("10.00"), eur("0.00"), 1, BillingUnit.MONTHS, 1, 0,
            List.of(SEATS, DISK, CPU), List.of(CPU_IN_USE));

    @Test
    void aPayAsYouGoMetricsUsageCostsTheResourcesTiersInWholeUnitsAndAnOtherMetricItsOwnPrice() {
        assertThat(PLAN.usageCost("cpu", new BigDecimal("2.3")).rounded()).as("3 vCPU at 0.04, not the metric's 0").isEqualTo(eur("0.12"));
        MetricPricing tickets = MetricPricing.perUnit("tickets", "Tickets", "tickets", Kind.COUNTER, Aggregation.INCREASE,
                new BigDecimal("1000"), new BigDecimal("0.05"));
        PlanPricing team = new PlanPricing("Team", eur("49.00"), eur("0.00"), 1, BillingUnit.MONTHS, 1, 0, List.of(), List.of(tickets));
        assertThat(team.usageCost("tickets", new BigDecimal("1100")).rounded()).as("100 over the included 1000").isEqualTo(eur("5.00"));
        assertThatThrownBy(() -> team.usageCost("nope", BigDecimal.ONE)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void aPostPaidResourceIsQuotedForItsQuantityAsBilledAtThePeriodsEnd() {
        Quote quote = PriceCalculator.quote(request(3, Map.of("seats", 2L, "disk", 15L), Map.of()));

        assertThat(quote.lines()).extracting(QuoteLine::type)
                .containsExactly(Type.LICENSE, Type.POST_PAID_RESOURCE, Type.EXTRA_RESOURCE);
        QuoteLine disk = quote.lines().get(1);
        assertThat(disk.component()).isEqualTo("extra:disk");
        assertThat(disk.amount()).isEqualTo(eur("135.00")); // 15 TB at 3.00 (volume) a month, 3 months
        assertThat(disk.description()).contains("billed at each period's end");
        assertThat(quote.total()).isEqualTo(eur("195.00")); // 30.00 + 135.00 + 2 x 5.00 x 3
    }

    @Test
    void anInvoiceInAdvanceChargesThePrepaidResourceOnly() {
        Quote first = PriceCalculator.period(request(1, Map.of("seats", 2L, "disk", 15L), Map.of()), true);

        assertThat(first.lines()).extracting(QuoteLine::type).containsExactly(Type.LICENSE, Type.EXTRA_RESOURCE);
        assertThat(first.total()).isEqualTo(eur("20.00"));
    }

    @Test
    void aPayAsYouGoResourceIsQuotedFromItsMetricsEstimateAtItsOwnTiers() {
        // 2 vCPU for 10 days and 4 for the other 20 (720 hours): an average of 3.33, 4 whole vCPU at 0.04
        Held estimate = new Held(List.of(new Segment(BigDecimal.valueOf(2), 240), new Segment(BigDecimal.valueOf(4), 480)));

        Quote quote = PriceCalculator.quote(request(1, Map.of(), Map.of("cpu", estimate)));

        assertThat(quote.lines()).extracting(QuoteLine::type).containsExactly(Type.LICENSE, Type.USAGE);
        QuoteLine cpu = quote.lines().get(1);
        assertThat(cpu.component()).as("the resource's tiers price it, in the channel's terms too").isEqualTo("extra:cpu");
        assertThat(cpu.amount()).isEqualTo(eur("0.16"));
        assertThat(cpu.description()).contains("Extra vCPU", "average 3.33 vCPU");
        assertThat(PriceCalculator.period(request(1, Map.of(), Map.of("cpu", estimate)), true).lines())
                .extracting(QuoteLine::type).containsExactly(Type.LICENSE);
    }

    @Test
    void onlyPrepaidAndPostPaidQuantitiesAreChosen() {
        assertThat(PLAN.chosenResource("disk")).isEqualTo(DISK);
        assertThatThrownBy(() -> PriceCalculator.quote(request(1, Map.of("cpu", 2L), Map.of())))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("pay-as-you-go");
        assertThat(SEATS.prepaid()).isTrue();
        assertThat(DISK.prepaid()).isFalse();
        assertThat(CPU.prepaid()).isFalse();
    }

    @Test
    void aCouponOnTheTotalCountsThePostPaidResourceOnTheLicenseNot() {
        Coupon total = new Coupon("ALL10", NOVEMBER.minusSeconds(60), NOVEMBER.plusSeconds(60),
                new Coupon.PercentOff(BigDecimal.TEN, Coupon.DiscountDestination.TOTAL));
        Coupon license = new Coupon("LIC10", NOVEMBER.minusSeconds(60), NOVEMBER.plusSeconds(60),
                new Coupon.PercentOff(BigDecimal.TEN, Coupon.DiscountDestination.LICENSE_AND_EXTRA_RESOURCES));

        assertThat(PriceCalculator.quote(request(1, Map.of("disk", 15L), Map.of(), total)).total()).isEqualTo(eur("49.50"));
        assertThat(PriceCalculator.quote(request(1, Map.of("disk", 15L), Map.of(), license)).total()).isEqualTo(eur("54.00"));
    }

    private static QuoteRequest request(int duration, Map<String, Long> extras, Map<String, UsageEstimate> usage) {
        return new QuoteRequest(PLAN, duration, extras, Optional.empty(), NOVEMBER, usage, ROME);
    }

    private static QuoteRequest request(int duration, Map<String, Long> extras, Map<String, UsageEstimate> usage, Coupon coupon) {
        return new QuoteRequest(PLAN, duration, extras, Optional.of(coupon), NOVEMBER, usage, ROME);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
