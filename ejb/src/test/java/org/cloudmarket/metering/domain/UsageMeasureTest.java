package org.cloudmarket.metering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.pricing.BillingUnit;
import org.cloudmarket.pricing.ExtraResourceBilling;
import org.cloudmarket.pricing.ExtraResourcePricing;
import org.cloudmarket.pricing.MetricPricing;
import org.cloudmarket.pricing.MetricPricing.Aggregation;
import org.cloudmarket.pricing.MetricPricing.Kind;
import org.cloudmarket.pricing.PlanPricing;
import org.cloudmarket.pricing.PricingScheme;
import org.cloudmarket.pricing.Tier;
import org.cloudmarket.pricing.TierTable;
import org.cloudmarket.shared.money.Money;
import org.cloudmarket.subscription.domain.BillingCycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** METERING-CONTRACT, Measure; DOMAIN.md, pay-per-use metrics and Decisions (Usage, Periods). */
class UsageMeasureTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final Currency EUR = Currency.getInstance("EUR");
    /** 30 days of 24 hours: April in UTC. */
    private static final BillingPeriod APRIL = BillingPeriod.ofMonths(LocalDate.of(2027, 4, 1), 1, ZoneId.of("UTC"));

    /** The dashboard's and billing's cost of a Sandbox "cpu" gauge: the PAY_AS_YOU_GO resource's tiers, as the quote prices it. */
    @Test
    void aPayAsYouGoMetricCostsItsResourcesTierPriceNotTheMetricsZero() {
        Currency eur = Currency.getInstance("EUR");
        ExtraResourcePricing cpu = new ExtraResourcePricing("cpu", "Extra vCPU", "vCPU", PricingScheme.TIERED, TierTable.of(Tier.from(1, "0.04")),
                ExtraResourceBilling.PAY_AS_YOU_GO, "cpu");
        MetricPricing inUse = MetricPricing.perUnit("cpu", "vCPU in use", "vCPU", Kind.GAUGE, Aggregation.AVERAGE, BigDecimal.ZERO, BigDecimal.ZERO);
        PlanPricing sandbox = new PlanPricing("Sandbox", new Money(new BigDecimal("10.00"), eur), new Money(BigDecimal.ZERO, eur), 1,
                BillingUnit.MONTHS, 1, 0, List.of(cpu), List.of(inUse));

        assertThat(UsageMeasure.cost(sandbox, "cpu", new BigDecimal("2.3"))).isEqualTo(new Money(new BigDecimal("0.12"), eur));
    }

    @Test
    void tenTwentyAndFifteenUsersAtTwoEurosCost31Euros67() {
        List<HourAggregate> hours = List.of(gauge(APRIL.start(), 10), gauge(day(APRIL, 10), 20), gauge(day(APRIL, 25), 15));
        MetricPricing users = MetricPricing.perUnit("users", "Users", "user", Kind.GAUGE, Aggregation.AVERAGE, BigDecimal.ZERO,
                new BigDecimal("2.00"));

        BigDecimal measured = whole(APRIL).measure(Aggregation.AVERAGE, hours, Optional.empty());

        // (10 x 240 + 20 x 360 + 15 x 120) / 720 hours
        assertThat(measured).isEqualByComparingTo("15.833333333");
        assertThat(UsageMeasure.cost(users, measured, EUR)).isEqualTo(Money.of("31.67", "EUR"));
    }

    /** 28 March 2027 clocks go forward in Rome (743 hours from 15 March), 31 October back (745 hours from 15 October). */
    @ParameterizedTest
    @CsvSource({"3, 743", "10, 745"})
    void aMonthAcrossADaylightSavingChangeWeighsEachOfItsHoursOneOverItsHours(int month, long expectedHours) {
        BillingPeriod period = BillingCycle.startingOn(LocalDate.of(2027, month, 15), BillingUnit.MONTHS, 1, ROME).period(0);
        assertThat(period.hours()).isEqualTo(expectedHours);

        // as much as the period has hours, held for one hour, then nothing: an average of exactly 1
        HourAggregate oneHour = new HourAggregate(period.start(), bd(expectedHours), bd(expectedHours), BigDecimal.ZERO, BigDecimal.ZERO, 2);
        assertThat(whole(period).measure(Aggregation.AVERAGE, List.of(oneHour), Optional.empty())).isEqualByComparingTo("1");
        // a value carried in from before the period holds through every hour of it, none more
        assertThat(whole(period).measure(Aggregation.AVERAGE, List.of(), Optional.of(gauge(period.start().minus(Duration.ofHours(5)), 6))))
                .isEqualByComparingTo("6");
    }

    @Test
    void theIncludedQuantityIsFreeAndATierSchemePricesTheRest() {
        // 25 users all month, 10 included: 15 billed, tiered 9 x 5.00 + 6 x 3.00
        MetricPricing users = MetricPricing.tiered("users", "Users", "user", Kind.GAUGE, Aggregation.AVERAGE, bd(10), PricingScheme.TIERED,
                TierTable.of(Tier.between(1, 9, "5.00"), Tier.from(10, "3.00")));
        BigDecimal measured = whole(APRIL).measure(Aggregation.AVERAGE, List.of(gauge(APRIL.start(), 25)), Optional.empty());

        assertThat(measured).isEqualByComparingTo("25");
        assertThat(UsageMeasure.cost(users, measured, EUR)).isEqualTo(Money.of("63.00", "EUR"));
    }

    @Test
    void aCountersIncreaseAddsTheHoursIncreasesAResetCountingItsNewValue() {
        // 0 -> 100 -> 250, reset to 0 -> 40 -> 70: the folder's increases are 100, 150, 40 (the reset hour), 30
        List<HourAggregate> hours = List.of(counter(hour(APRIL, 1), 100, 100), counter(hour(APRIL, 2), 250, 150),
                counter(hour(APRIL, 3), 40, 40), counter(hour(APRIL, 4), 70, 30));
        MetricPricing calls = MetricPricing.perUnit("calls", "API calls", "call", Kind.COUNTER, Aggregation.INCREASE, bd(300),
                new BigDecimal("0.01"));

        BigDecimal measured = whole(APRIL).measure(Aggregation.INCREASE, hours, Optional.empty());

        assertThat(measured).isEqualByComparingTo("320");
        assertThat(UsageMeasure.cost(calls, measured, EUR)).isEqualTo(Money.of("0.20", "EUR"));
    }

    @Test
    void valueIsTheLastValueHoldingAtThePeriodsEnd() {
        List<HourAggregate> hours = List.of(counter(hour(APRIL, 1), 100, 100), counter(hour(APRIL, 30), 180, 80));

        assertThat(whole(APRIL).measure(Aggregation.VALUE, hours, Optional.empty())).isEqualByComparingTo("180");
        // nothing read in the period: the value carried in
        assertThat(whole(APRIL).measure(Aggregation.VALUE, List.of(), Optional.of(counter(hour(APRIL, -3), 55, 5))))
                .isEqualByComparingTo("55");
    }

    @Test
    void thePeakIsTheHighestOfTheHoursPeaksAndTheValueCarriedIn() {
        HourAggregate spike = new HourAggregate(hour(APRIL, 5), bd(12), bd(31), bd(8), BigDecimal.ZERO, 3);

        assertThat(whole(APRIL).measure(Aggregation.PEAK, List.of(spike), Optional.of(gauge(hour(APRIL, -1), 9)))).isEqualByComparingTo("31");
        assertThat(whole(APRIL).measure(Aggregation.PEAK, List.of(), Optional.of(gauge(hour(APRIL, -1), 9)))).isEqualByComparingTo("9");
    }

    @Test
    void hoursWithoutRowsCarryTheLastValue() {
        // 4 from hour 0, 10 from hour 360 (day 15): no row between them, each hour holds the last value
        List<HourAggregate> hours = List.of(gauge(APRIL.start(), 4), gauge(hour(APRIL, 360), 10));

        assertThat(whole(APRIL).measure(Aggregation.AVERAGE, hours, Optional.empty())).isEqualByComparingTo("7");
    }

    @Test
    void trialUsageIsNotBilledTheMeasureStartsAtTheTrialsEnd() {
        // 30 users during a trial ending after day 10, 10 users afterwards; 30 calls in the trial, 5 after
        Instant trialEnd = day(APRIL, 10);
        List<HourAggregate> users = List.of(gauge(APRIL.start(), 30), gauge(trialEnd, 10));
        List<HourAggregate> calls = List.of(counter(hour(APRIL, 2), 30, 30), counter(trialEnd, 0, 0), counter(hour(APRIL, 300), 5, 5));
        UsageMeasure billed = UsageMeasure.forBilling(APRIL, Optional.of(trialEnd));

        // 10 users for 20 days of 30
        assertThat(billed.measure(Aggregation.AVERAGE, users, Optional.empty())).isEqualByComparingTo("6.666666667");
        assertThat(billed.measure(Aggregation.INCREASE, calls, Optional.empty())).isEqualByComparingTo("5");
        // a trial that ended before the period changes nothing
        assertThat(UsageMeasure.forBilling(APRIL, Optional.of(hour(APRIL, -48))).measure(Aggregation.INCREASE, calls, Optional.empty()))
                .isEqualByComparingTo("35");
    }

    @Test
    void aLateReadingInTheOpenPeriodIsAcceptedAndRecomputesTheMeasureOneAfterTheGraceIsRefused() {
        // the contract's reading rule (ReadingRules): a reading late but inside the grace is kept, and the folder
        // recomputes its hour and, the value holding on, the hours without rows after it; the measure follows
        ReadingRules.Life life = new ReadingRules.Life(true, APRIL.start(), Optional.empty(), at -> APRIL);
        ReadingRules.MetricRef users = new ReadingRules.MetricRef(7, "users", Kind.GAUGE);
        Duration grace = Duration.ofHours(2);
        List<HourAggregate> folded = List.of(gauge(APRIL.start(), 10));
        UsageMeasure whole = whole(APRIL);
        assertThat(whole.measure(Aggregation.AVERAGE, folded, Optional.empty())).isEqualByComparingTo("10");

        // a reading of 40 at 11:30 on day 4 arrives an hour after the period's end: inside the grace
        Reading late = new Reading("late-1", 1L, "users", bd(40), hour(APRIL, 107).plus(Duration.ofMinutes(30)));
        assertThat(ReadingRules.check(late, Optional.of(users), life, grace, APRIL.end().plus(Duration.ofHours(1)))).isEmpty();
        // its hour becomes half 10, half 40; 40 holds on through the hours without rows
        HourAggregate recomputed = new HourAggregate(hour(APRIL, 107), bd(25), bd(40), bd(40), BigDecimal.ZERO, 1);
        List<HourAggregate> refolded = List.of(gauge(APRIL.start(), 10), recomputed);
        // (10 x 107 + 25 + 40 x 612) / 720
        assertThat(whole.measure(Aggregation.AVERAGE, refolded, Optional.empty())).isEqualByComparingTo("35.520833333");
        assertThat(whole.measure(Aggregation.PEAK, refolded, Optional.empty())).isEqualByComparingTo("40");

        // the same reading once the grace is over: refused, nothing is refolded, the measure stays
        assertThat(ReadingRules.check(late, Optional.of(users), life, grace, APRIL.end().plus(grace)))
                .hasValueSatisfying(result -> assertThat(result.code()).isEqualTo(Refusal.PERIOD_CLOSED));
    }

    @Test
    void thePeriodSoFarCountsTheHoursUpToNowOnly() {
        UsageMeasure soFar = UsageMeasure.soFar(APRIL, hour(APRIL, 72));
        List<HourAggregate> calls = new ArrayList<>();
        for (int h = 0; h < 100; h++) {
            calls.add(counter(hour(APRIL, h), h + 1, 1));
        }

        assertThat(soFar.measure(Aggregation.INCREASE, calls, Optional.empty())).isEqualByComparingTo("72");
    }

    private static UsageMeasure whole(BillingPeriod period) {
        return UsageMeasure.forBilling(period, Optional.empty());
    }

    private static HourAggregate gauge(Instant hour, long value) {
        return new HourAggregate(hour, bd(value), bd(value), bd(value), BigDecimal.ZERO, 1);
    }

    private static HourAggregate counter(Instant hour, long last, long increase) {
        return new HourAggregate(hour, bd(last), bd(last), bd(last), bd(increase), 1);
    }

    private static Instant day(BillingPeriod period, int days) {
        return period.start().plus(Duration.ofDays(days));
    }

    private static Instant hour(BillingPeriod period, int hours) {
        return period.start().plus(Duration.ofHours(hours));
    }

    private static BigDecimal bd(long value) {
        return BigDecimal.valueOf(value);
    }
}
