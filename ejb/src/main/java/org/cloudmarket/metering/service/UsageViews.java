package org.cloudmarket.metering.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cloudmarket.catalog.domain.Metric;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.metering.domain.HourAggregate;
import org.cloudmarket.metering.domain.MeteringSettings;
import org.cloudmarket.metering.domain.SeriesPoint;
import org.cloudmarket.metering.domain.UsageBuckets;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.pricing.MetricPricing;
import org.cloudmarket.pricing.MetricPricing.Aggregation;
import org.cloudmarket.shared.money.Money;
import org.cloudmarket.shared.persistence.InstantConverter;
import org.cloudmarket.shared.persistence.NativeSql;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.subscription.domain.PartyScope;
import org.cloudmarket.subscription.domain.PriceSnapshot;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.subscription.service.PartyScopes;
import org.cloudmarket.subscription.service.Subscriptions;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * What the usage pages show: a subscription's dashboard (per metric the current period so far, its chart points, its
 * quota) for whoever may see the subscription (PartyScope; another's is a NotFound, as one that does not exist), and
 * the vendor's back-office lists of its last readings and refused readings (tenant staff see every vendor's).
 */
@Stateless
@PermitAll
public class UsageViews {

    /** The back-office's page size. */
    public static final int PAGE = 50;

    /** The hourly chart's window: today and yesterday, whatever the period. */
    private static final Duration HOURLY_WINDOW = Duration.ofHours(48);

    @Inject
    private EntityManager entityManager;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private PartyScopes scopes;

    @Inject
    private Subscriptions subscriptions;

    @Inject
    private UsageHours usageHours;

    @Inject
    private Clock clock;

    /** One metric of a subscription's current period; quota and percent null when the metric has no quota. */
    public record MetricUsage(String code, String name, String unit, MetricPricing.Kind kind, Aggregation aggregation, boolean readings,
                              BigDecimal measured, BigDecimal included, Money cost, BigDecimal quota, BigDecimal quotaPercent,
                              List<SeriesPoint> hourly, List<SeriesPoint> daily) {
    }

    public record Dashboard(long subscriptionId, String productName, String planName, Instant periodStart, Instant periodEnd,
                            List<MetricUsage> metrics) {
    }

    /** A kept reading; customerName null when the caller may not see the buyer (a vendor, a distributor). */
    public record ReadingRow(long subscriptionId, String customerName, String metric, BigDecimal value, Instant at, String source) {
    }

    public record RefusalRow(Long subscriptionId, String metric, String readingId, String value, Instant at, String code, String reason,
                             Instant refusedAt) {
    }

    /** The rows of one page of a list, and whether an older page follows. */
    public record Rows<T>(List<T> items, boolean more) {
    }

    public Dashboard dashboard(long subscriptionId) {
        Subscription subscription = subscriptions.inScope(subscriptionId, scopes.ofCaller());
        Plan plan = entityManager.find(Plan.class, subscription.getPlanId());
        Tenant tenant = entityManager.find(Tenant.class, tenantContext.requireTenantId());
        MeteringSettings settings = MeteringSettings.of(tenant.getSettings());
        List<MetricPricing> prices = PriceSnapshot.fromJson(subscription.getPrices()).sellOut().metrics();
        Instant now = clock.instant();
        List<MetricUsage> metrics = new ArrayList<>();
        for (Metric metric : plan == null ? List.<Metric>of() : plan.getMetrics()) {
            prices.stream().filter(price -> price.code().equals(metric.getCode())).findFirst().ifPresent(price ->
                    metrics.add(usage(subscription, metric, price, settings, tenant.getTimeZone(), now)));
        }
        return new Dashboard(subscription.getId(), plan == null ? null : plan.getProduct().getName(), plan == null ? null : plan.getName(),
                subscription.getPeriodStart(), subscription.getPeriodEnd(), metrics);
    }

    /** Whether a plan has pay-per-use metrics: its subscriptions have a usage dashboard. */
    public boolean metered(long planId) {
        Plan plan = entityManager.find(Plan.class, planId);
        return plan != null && !plan.getMetrics().isEmpty();
    }

    private MetricUsage usage(Subscription subscription, Metric metric, MetricPricing price, MeteringSettings settings, ZoneId zone,
                              Instant now) {
        long id = subscription.getId();
        BillingPeriod period = new BillingPeriod(subscription.getPeriodStart(), subscription.getPeriodEnd());
        Instant soFar = now.isBefore(period.end()) ? now : period.end();
        Optional<HourAggregate> before = usageHours.lastBefore(id, metric.getId(), period.start());
        List<HourAggregate> hours = usageHours.between(id, metric.getId(), period.start(), soFar);
        List<SeriesPoint> periodHours = UsageBuckets.hourly(price.aggregation(), before, hours, period.start(), soFar);
        BigDecimal measured = measuredSoFar(price.aggregation(), periodHours, before, period);
        Money cost = new Money(price.priceOf(measured), subscription.getCurrency()).rounded();

        Instant windowStart = now.minus(HOURLY_WINDOW).truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        Instant windowEnd = now.plus(Duration.ofHours(1));
        List<SeriesPoint> lastHours = UsageBuckets.hourly(price.aggregation(), usageHours.lastBefore(id, metric.getId(), windowStart),
                usageHours.between(id, metric.getId(), windowStart, windowEnd), windowStart, windowEnd);
        boolean readings = usageHours.lastBefore(id, metric.getId(), windowEnd).isPresent();

        Optional<MeteringSettings.Quota> quota = settings.quotaOf(metric.getCode(), metric.getQuota().orElse(null), metric.isQuotaBlocking());
        BigDecimal percent = quota.map(q -> quotaMeasure(price.kind(), before, hours, period, soFar).multiply(BigDecimal.valueOf(100))
                .divide(q.limit(), 1, RoundingMode.HALF_UP)).orElse(null);
        return new MetricUsage(metric.getCode(), metric.getName(), metric.getUnit(), price.kind(), price.aggregation(), readings, measured,
                price.includedQuantity(), cost, quota.map(MeteringSettings.Quota::limit).orElse(null), percent, lastHours,
                UsageBuckets.daily(price.aggregation(), periodHours, zone));
    }

    /*
     * Until UsageMeasures.currentPeriod (the quota stream, h/quota) lands, the period so far is measured here by the
     * contract's Measure rule over the hours up to now: AVERAGE divides by all the period's hours, so the estimate
     * grows as the period runs. When h/quota merges, dashboard() takes measured, cost and percent from it instead.
     */
    private static BigDecimal measuredSoFar(Aggregation aggregation, List<SeriesPoint> hours, Optional<HourAggregate> before,
                                            BillingPeriod period) {
        List<BigDecimal> values = hours.stream().map(SeriesPoint::value).toList();
        BigDecimal carried = before.map(HourAggregate::lastValue).orElse(BigDecimal.ZERO);
        return switch (aggregation) {
            case AVERAGE -> values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(period.hours()), MathContext.DECIMAL64);
            case PEAK -> values.stream().reduce(carried, BigDecimal::max);
            case INCREASE -> values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            case VALUE -> values.isEmpty() ? carried : values.get(values.size() - 1);
        };
    }

    /** What a quota is compared with: a gauge's peak, a counter's increase (the contract's Quota rule). */
    private static BigDecimal quotaMeasure(MetricPricing.Kind kind, Optional<HourAggregate> before, List<HourAggregate> hours,
                                           BillingPeriod period, Instant soFar) {
        Aggregation aggregation = kind == MetricPricing.Kind.GAUGE ? Aggregation.PEAK : Aggregation.INCREASE;
        return measuredSoFar(aggregation, UsageBuckets.hourly(aggregation, before, hours, period.start(), soFar), before, period);
    }

    /** Whether the lists name the customer: not to a vendor or a distributor (PartyScope.seesBuyerDetails). */
    public boolean showsBuyers() {
        return scopes.ofCaller().seesBuyerDetails();
    }

    /** The caller's vendor's readings, newest first, of one subscription or all; page 0 is the newest. */
    public Rows<ReadingRow> readings(Long subscriptionId, int page) {
        PartyScope scope = scopes.ofCaller();
        VendorFilter vendor = VendorFilter.of(scope);
        if (!vendor.sees()) {
            return new Rows<>(List.of(), false);
        }
        String name = scope.seesBuyerDetails() ? "o.name" : "NULL";
        List<?> rows = bind(NativeSql.of(entityManager, "SELECT r.subscription_id, " + name + ", m.code, r.value, r.read_at, r.source"
                        + " FROM usage_reading r JOIN metric m ON m.tenant_id = r.tenant_id AND m.id = r.metric_id"
                        + " JOIN subscription s ON s.tenant_id = r.tenant_id AND s.id = r.subscription_id"
                        + " LEFT JOIN organization o ON o.tenant_id = s.tenant_id AND o.id = s.customer_id"
                        + " WHERE r.tenant_id = ?" + (vendor.vendorId() != null ? " AND r.vendor_id = ?" : "")
                        + (subscriptionId != null ? " AND r.subscription_id = ?" : "")
                        + " ORDER BY r.read_at DESC, r.id DESC LIMIT " + (PAGE + 1) + " OFFSET " + (long) Math.max(page, 0) * PAGE),
                vendor, subscriptionId).getResultList();
        List<ReadingRow> items = rows.stream().limit(PAGE).map(row -> (Object[]) row).map(row -> new ReadingRow(((Number) row[0]).longValue(),
                (String) row[1], (String) row[2], (BigDecimal) row[3], InstantConverter.instant(row[4]), (String) row[5])).toList();
        return new Rows<>(items, rows.size() > PAGE);
    }

    /** The caller's vendor's refused readings, newest first, with the intake's code and reason. */
    public List<RefusalRow> refusals(Long subscriptionId) {
        VendorFilter vendor = VendorFilter.of(scopes.ofCaller());
        if (!vendor.sees()) {
            return List.of();
        }
        List<?> rows = bind(NativeSql.of(entityManager, "SELECT subscription_id, metric, external_id, value, read_at, code, reason, refused_at"
                        + " FROM usage_refusal WHERE tenant_id = ?" + (vendor.vendorId() != null ? " AND vendor_id = ?" : "")
                        + (subscriptionId != null ? " AND subscription_id = ?" : "") + " ORDER BY refused_at DESC, id DESC LIMIT " + PAGE),
                vendor, subscriptionId).getResultList();
        return rows.stream().map(row -> (Object[]) row).map(row -> new RefusalRow(row[0] == null ? null : ((Number) row[0]).longValue(),
                (String) row[1], (String) row[2], (String) row[3], row[4] == null ? null : InstantConverter.instant(row[4]), (String) row[5],
                (String) row[6], InstantConverter.instant(row[7]))).toList();
    }

    /** Whose usage the back-office lists: a vendor its own, the tenant's staff every vendor's (no id), anyone else none. */
    private record VendorFilter(boolean sees, Long vendorId) {
        static VendorFilter of(PartyScope scope) {
            return switch (scope.kind()) {
                case ALL -> new VendorFilter(true, null);
                case VENDOR -> new VendorFilter(true, scope.ids().iterator().next());
                default -> new VendorFilter(false, null);
            };
        }
    }

    private Query bind(Query query, VendorFilter vendor, Long subscriptionId) {
        int position = 1;
        query.setParameter(position++, tenantContext.requireTenantId());
        if (vendor.vendorId() != null) {
            query.setParameter(position++, vendor.vendorId());
        }
        if (subscriptionId != null) {
            query.setParameter(position, subscriptionId);
        }
        return query;
    }
}
