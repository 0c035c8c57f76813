package org.cloudmarket.metering.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.pricing.MetricPricing;
import org.cloudmarket.pricing.MetricPricing.Aggregation;
import org.cloudmarket.pricing.PlanPricing;
import org.cloudmarket.shared.money.Money;

/**
 * A metric measured over a billing period from its hourly aggregates (METERING-CONTRACT, Measure): the hours counted
 * are those in [from, to), where {@code from} is the period's start or, after a trial, the trial's end (trial usage
 * is never billed), and {@code to} the period's end or, for the period so far, now. An hour without a row carries
 * the last value of the hour before it (a gauge's value holds until the next reading), starting from the aggregate
 * before {@code from}. AVERAGE divides by every hour of the period ({@link BillingPeriod#hours()}, 743 or 745 across
 * a daylight-saving change), so an hour not counted weighs nothing; PEAK is the highest value held; INCREASE the sum
 * of the hours' increases; VALUE the value holding at {@code to}.
 */
public record UsageMeasure(BillingPeriod period, Instant from, Instant to) {

    /** Decimals a measured quantity keeps: the cost is rounded once, after pricing. */
    public static final int SCALE = 9;

    public UsageMeasure {
        // an hour partly in the trial is not counted: whole hours only, in the customer's favour
        from = ceilHour(from.isBefore(period.start()) ? period.start() : from);
        to = to.isAfter(period.end()) ? period.end() : to;
    }

    /** The whole period, for billing, from the trial's end when the trial ended inside it. */
    public static UsageMeasure forBilling(BillingPeriod period, Optional<Instant> trialEnd) {
        return new UsageMeasure(period, trialEnd.filter(end -> end.isAfter(period.start())).orElse(period.start()), period.end());
    }

    /** The period up to {@code now}, all of it (quotas watch trial usage too). */
    public static UsageMeasure soFar(BillingPeriod period, Instant now) {
        return new UsageMeasure(period, period.start(), now);
    }

    /** The quantity measured by {@code aggregation}; {@code hours} are those in [from, to), {@code before} the last one before from. */
    public BigDecimal measure(Aggregation aggregation, List<HourAggregate> hours, Optional<HourAggregate> before) {
        if (!from.isBefore(to)) {
            return BigDecimal.ZERO; // no hour counted: a trial as long as the period, or a period not begun
        }
        Map<Instant, HourAggregate> byHour = new HashMap<>();
        hours.stream().filter(hour -> !hour.hourStart().isBefore(from) && hour.hourStart().isBefore(to))
                .forEach(hour -> byHour.put(hour.hourStart(), hour));
        BigDecimal carried = before.filter(hour -> hour.hourStart().isBefore(from)).map(HourAggregate::lastValue).orElse(BigDecimal.ZERO);
        BigDecimal sumOfAverages = BigDecimal.ZERO;
        BigDecimal peak = carried;
        BigDecimal increase = BigDecimal.ZERO;
        for (Instant hour = from; hour.isBefore(to); hour = hour.plus(Duration.ofHours(1))) {
            HourAggregate row = byHour.get(hour);
            if (row == null) {
                sumOfAverages = sumOfAverages.add(carried);
                continue;
            }
            sumOfAverages = sumOfAverages.add(row.average());
            peak = peak.max(row.peak());
            increase = increase.add(row.increase());
            carried = row.lastValue();
        }
        return switch (aggregation) {
            case AVERAGE -> sumOfAverages.divide(BigDecimal.valueOf(period.hours()), SCALE, RoundingMode.HALF_UP);
            case PEAK -> peak;
            case INCREASE -> increase;
            case VALUE -> carried;
        };
    }

    /** What the measured quantity costs under the metric's pricing, rounded once to the currency. */
    public static Money cost(MetricPricing pricing, BigDecimal measured, Currency currency) {
        return new Money(pricing.priceOf(measured), currency).rounded();
    }

    /** The cost of a metric's measure at a plan's prices (PlanPricing.usageCost, the quote's rule), rounded once. */
    public static Money cost(PlanPricing prices, String metricCode, BigDecimal measured) {
        return prices.usageCost(metricCode, measured).rounded();
    }

    private static Instant ceilHour(Instant at) {
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        return hour.equals(at) ? at : hour.plus(Duration.ofHours(1));
    }
}
