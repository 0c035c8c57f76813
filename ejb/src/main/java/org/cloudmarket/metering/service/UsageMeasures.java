package org.cloudmarket.metering.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.cloudmarket.catalog.domain.Metric;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.metering.domain.MeasuredUsage;
import org.cloudmarket.metering.domain.MeteringSettings;
import org.cloudmarket.metering.domain.QuotaWatch;
import org.cloudmarket.metering.domain.UsageMeasure;
import org.cloudmarket.metering.domain.UsageSummary;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.pricing.MetricPricing;
import org.cloudmarket.pricing.MetricPricing.Aggregation;
import org.cloudmarket.pricing.PlanPricing;
import org.cloudmarket.shared.money.Money;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.subscription.domain.PriceSnapshot;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * A subscription's usage measured (METERING-CONTRACT, Measure) from its folded hours, at the sell-out prices of its
 * window (PriceSnapshot: what the customer is billed, in the order's currency). Each read folds the subscription's dirty
 * series first ({@link UsageFolder#fold}), so nobody measures stale hours. Callers check who may see the subscription.
 */
@Dependent
public class UsageMeasures {

    @Inject
    private EntityManager entityManager;

    @Inject
    private UsageHours usageHours;

    @Inject
    private UsageFolder usageFolder;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private Clock clock;

    /**
     * For billing (issue 13): the whole period, trial usage left out, priced and rounded once. It folds first (UsageFolder):
     * call it before the calling transaction locks or writes the subscription.
     */
    public MeasuredUsage measure(Subscription subscription, Metric metric, BillingPeriod period) {
        usageFolder.fold(subscription.getId());
        return measured(subscription, metric, UsageMeasure.forBilling(period, subscription.getTrialEndsAt()), prices(subscription));
    }

    /** For pages: each metric of the plan in the current period so far, its estimated cost, and its quota's share. */
    public List<UsageSummary> currentPeriod(Subscription subscription) {
        if (subscription.getPeriodStart() == null || subscription.getPeriodEnd() == null) {
            return List.of(); // not started: nothing measured yet
        }
        usageFolder.fold(subscription.getId());
        BillingPeriod period = new BillingPeriod(subscription.getPeriodStart(), subscription.getPeriodEnd());
        Instant now = clock.instant();
        Instant from = subscription.getTrialEndsAt().filter(end -> end.isAfter(period.start())).orElse(period.start());
        UsageMeasure billed = new UsageMeasure(period, from, now);
        PlanPricing prices = prices(subscription);
        MeteringSettings settings = settings();
        return metricsOf(subscription).stream().map(metric -> {
            MeasuredUsage usage = measured(subscription, metric, billed, prices);
            Optional<MeteringSettings.Quota> quota = quotaOf(metric, settings);
            Optional<BigDecimal> percent = quota.map(limit -> QuotaWatch.percent(limit, quotaMeasured(subscription, metric, period, now)));
            return new UsageSummary(usage, metric.getName(), metric.getUnit(), pricingOf(metric, prices)
                    .map(MetricPricing::includedQuantity).orElse(metric.getIncludedQuantity()), quota, percent);
        }).toList();
    }

    /**
     * What a quota is compared with: the period so far, trial included (a quota protects the vendor's resources), as
     * {@link QuotaWatch#measuredBy} says, over every series of the metric's code in the subscription's product (a plan
     * change mid-period starts a series of the new plan's metric; what was used before it still counts): increases add
     * up, the peak is the highest of them. The caller folds first.
     */
    BigDecimal quotaMeasured(Subscription subscription, Metric metric, BillingPeriod period, Instant now) {
        UsageMeasure soFar = UsageMeasure.soFar(period, now);
        Aggregation aggregation = QuotaWatch.measuredBy(metric.getKind());
        List<Long> series = entityManager.createQuery("SELECT m.id FROM Metric m WHERE m.code = :code AND m.plan.product.id = :product",
                Long.class).setParameter("code", metric.getCode()).setParameter("product", subscription.getProductId()).getResultList();
        BigDecimal measured = BigDecimal.ZERO;
        for (long metricId : series) {
            BigDecimal one = soFar.measure(aggregation, usageHours.between(subscription.getId(), metricId, soFar.from(), soFar.to()),
                    usageHours.lastBefore(subscription.getId(), metricId, soFar.from()));
            measured = aggregation == Aggregation.PEAK ? measured.max(one) : measured.add(one);
        }
        return measured;
    }

    /** The metric's own quota, else the marketplace's default for its code. */
    Optional<MeteringSettings.Quota> quotaOf(Metric metric, MeteringSettings settings) {
        return settings.quotaOf(metric.getCode(), metric.getQuota().orElse(null), metric.isQuotaBlocking());
    }

    MeteringSettings settings() {
        return MeteringSettings.of(entityManager.find(Tenant.class, tenantContext.requireTenantId()).getSettings());
    }

    List<Metric> metricsOf(Subscription subscription) {
        return entityManager.find(Plan.class, subscription.getPlanId()).getMetrics();
    }

    private MeasuredUsage measured(Subscription subscription, Metric metric, UsageMeasure measure, PlanPricing prices) {
        Optional<MetricPricing> pricing = pricingOf(metric, prices);
        Aggregation aggregation = pricing.map(MetricPricing::aggregation).orElse(metric.getAggregation());
        BigDecimal measured = measure.measure(aggregation, usageHours.between(subscription.getId(), metric.getId(), measure.from(), measure.to()),
                usageHours.lastBefore(subscription.getId(), metric.getId(), measure.from()));
        Currency currency = prices.license().currency();
        // a metric the plan gained after the window's prices were fixed is not in them: measured, not billed
        // priced as the quote prices it (PlanPricing.usageCost: a pay-as-you-go resource's tiers, else the metric's own)
        Money cost = pricing.map(metricPricing -> UsageMeasure.cost(prices, metric.getCode(), measured)).orElse(Money.zero(currency).rounded());
        return new MeasuredUsage(metric.getCode(), measured, cost);
    }

    /** The sell-out level: what the customer pays, in the order's currency. */
    private static PlanPricing prices(Subscription subscription) {
        return PriceSnapshot.fromJson(subscription.getPrices()).sellOut();
    }

    private static Optional<MetricPricing> pricingOf(Metric metric, PlanPricing prices) {
        return prices.metrics().stream().filter(pricing -> pricing.code().equals(metric.getCode())).findFirst();
    }
}
