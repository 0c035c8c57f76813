package org.cloudmarket.billing.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cloudmarket.pricing.BillingUnit;
import org.cloudmarket.pricing.Coupon;
import org.cloudmarket.pricing.ExtraResourceBilling;
import org.cloudmarket.pricing.ExtraResourcePricing;
import org.cloudmarket.pricing.MetricPricing;
import org.cloudmarket.pricing.PlanPricing;
import org.cloudmarket.pricing.PricingScheme;
import org.cloudmarket.pricing.Tier;
import org.cloudmarket.pricing.TierTable;
import org.cloudmarket.shared.money.Money;
import org.cloudmarket.subscription.domain.BillingCycle;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.PriceSnapshot;
import org.cloudmarket.subscription.domain.SubscriptionType;

/**
 * The subscriptions the generator's tests bill, built as Kill Bill's TestDefaultInvoiceGenerator builds its billing
 * events: a plan priced at four levels (vendor 10, wholesale 12, sell-in 13, sell-out 15 a period), a start in the
 * tenant's zone, and the runs' bookkeeping (what was billed, fed back after each run).
 */
final class GeneratorTerms {

    static final Currency EUR = Currency.getInstance("EUR");
    static final Duration GRACE = Duration.ofHours(2);

    ZoneId zone = ZoneId.of("Europe/Rome");
    BillingUnit unit = BillingUnit.MONTHS;
    int frequency = 1;
    int duration = 12;
    Instant anchor;
    Instant windowStart;
    Instant endsAt;
    boolean autoRenew = true;
    SubscriptionType type = SubscriptionType.NORMAL;
    DeploymentStatus status = DeploymentStatus.DEPLOYED;
    Map<String, Long> extraResources = new HashMap<>();
    Optional<Coupon> coupon = Optional.empty();
    Optional<Instant> endedAt = Optional.empty();
    BigDecimal feePercent = BigDecimal.ZERO;
    Map<String, BigDecimal> feeOverrides = new HashMap<>();
    List<ExtraResourcePricing> extras = new ArrayList<>();
    List<MetricPricing> metrics = new ArrayList<>();
    /** The sell-out license a period; the vendor's is 5 less, wholesale 3 less, sell-in 2 less. */
    BigDecimal sellOutLicense = new BigDecimal("15.00");

    /** Monthly from midnight of that day in Rome, a 12-month window. */
    static GeneratorTerms monthlyFrom(LocalDate day) {
        GeneratorTerms terms = new GeneratorTerms();
        return terms.startingAt(day.atStartOfDay(terms.zone).toInstant());
    }

    static GeneratorTerms hourlyFrom(Instant hour, ZoneId zone, int hours) {
        GeneratorTerms terms = new GeneratorTerms();
        terms.zone = zone;
        terms.unit = BillingUnit.HOURS;
        terms.duration = hours;
        return terms.startingAt(hour);
    }

    GeneratorTerms startingAt(Instant start) {
        anchor = start;
        windowStart = start;
        endsAt = cycle().windowEnd(duration);
        return this;
    }

    GeneratorTerms in(ZoneId other) {
        zone = other;
        return this;
    }

    BillingCycle cycle() {
        return new BillingCycle(anchor, unit, frequency, zone);
    }

    Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    BillingTerms build() {
        return new BillingTerms(42, type, status, cycle(), windowStart, endsAt, autoRenew, duration, snapshot(), extraResources, coupon,
                Optional.empty(), endedAt, feePercent, feeOverrides);
    }

    PriceSnapshot snapshot() {
        return new PriceSnapshot(plan(5), plan(3), plan(2), plan(0), EUR, EUR, null);
    }

    /** The plan as a level sells it: the sell-out's prices less {@code less} on the license, extras and metrics alike. */
    private PlanPricing plan(int less) {
        BigDecimal off = BigDecimal.valueOf(less);
        List<ExtraResourcePricing> levelExtras = extras.stream().map(extra -> extra.withTiers(TierTable.of(
                Tier.from(1, extra.tiers().tiers().get(0).price().multiply(BigDecimal.TEN.subtract(off)).divide(BigDecimal.TEN).toPlainString()))))
                .toList();
        List<MetricPricing> levelMetrics = metrics.stream().map(metric -> metric.unitPrice() == null ? metric
                : MetricPricing.perUnit(metric.code(), metric.name(), metric.unit(), metric.kind(), metric.aggregation(),
                metric.includedQuantity(), metric.unitPrice().multiply(BigDecimal.TEN.subtract(off)).divide(BigDecimal.TEN))).toList();
        return new PlanPricing("Pro", new Money(sellOutLicense.subtract(off), EUR), new Money(new BigDecimal("8.00"), EUR), frequency, unit,
                unit == BillingUnit.HOURS ? 1 : frequency, 0, levelExtras, levelMetrics);
    }

    GeneratorTerms withExtra(String code, ExtraResourceBilling billing, String unitPrice, long quantity) {
        extras.add(new ExtraResourcePricing(code, code.substring(0, 1).toUpperCase() + code.substring(1), "GB", PricingScheme.VOLUME,
                TierTable.of(Tier.from(1, unitPrice)), billing));
        if (quantity > 0) {
            extraResources.put(code, quantity);
        }
        return this;
    }

    GeneratorTerms withMetric(String code, String unitPrice) {
        metrics.add(MetricPricing.perUnit(code, code.substring(0, 1).toUpperCase() + code.substring(1), "GB", MetricPricing.Kind.COUNTER,
                MetricPricing.Aggregation.INCREASE, BigDecimal.ZERO, new BigDecimal(unitPrice)));
        return this;
    }

    GeneratorTerms withPayAsYouGo(String code, String metric, String unitPrice) {
        metrics.add(MetricPricing.perUnit(metric, metric, "vCPU", MetricPricing.Kind.GAUGE, MetricPricing.Aggregation.AVERAGE,
                BigDecimal.ZERO, BigDecimal.ZERO));
        extras.add(new ExtraResourcePricing(code, "Compute", "vCPU", PricingScheme.VOLUME, TierTable.of(Tier.from(1, unitPrice)),
                ExtraResourceBilling.PAY_AS_YOU_GO, metric));
        return this;
    }

    /** What the first invoice wrote for period 0 (PeriodBilling: its prepaid items, setup fee included). */
    Set<BilledKey> firstInvoice() {
        Set<BilledKey> billed = new HashSet<>();
        Instant start = cycle().period(0).start();
        ProceedChain.items(new ProceedChain.PeriodInput(snapshot(), duration, extraResources, coupon,
                        new ProceedChain.QuoteRequestTime(start, zone, start), true, FeePercents.flat(feePercent)))
                .forEach(item -> billed.add(new BilledKey(item.component(), item.kind(), start)));
        return billed;
    }
}
