package org.cloudmarket.metering.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.cloudmarket.catalog.domain.Metric;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.metering.domain.Granularity;
import org.cloudmarket.metering.domain.HourAggregate;
import org.cloudmarket.metering.domain.MeteringSettings;
import org.cloudmarket.metering.domain.UsagePoint;
import org.cloudmarket.metering.domain.UsagePoints;
import org.cloudmarket.metering.domain.UsageSummary;
import org.cloudmarket.pricing.MetricPricing.Aggregation;
import org.cloudmarket.pricing.MetricPricing.Kind;
import org.cloudmarket.shared.money.Money;
import org.cloudmarket.shared.persistence.InstantConverter;
import org.cloudmarket.shared.persistence.NativeSql;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.subscription.domain.PartyScope;
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
    private UsageMeasures usageMeasures;

    @Inject
    private Clock clock;

    /**
     * One metric of a subscription's current period so far (UsageMeasures.currentPeriod: measured, cost, quota) with
     * its chart points: the hours of the last 48 and the days of the period up to now; {@code readings} false when none
     * came yet (the page's empty state).
     */
    public record MetricUsage(String code, String name, String unit, Kind kind, Aggregation aggregation, boolean readings,
                              BigDecimal measured, BigDecimal included, Money cost, BigDecimal quota, BigDecimal quotaPercent,
                              List<UsagePoint> hourly, List<UsagePoint> daily) {
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

    /** The dashboard of a subscription the caller may see; another's is a NotFound. Measuring folds its series first. */
    public Dashboard dashboard(long subscriptionId) {
        Subscription subscription = subscriptions.inScope(subscriptionId, scopes.ofCaller());
        Plan plan = entityManager.find(Plan.class, subscription.getPlanId());
        List<UsageSummary> summaries = usageMeasures.currentPeriod(subscription);
        ZoneId zone = entityManager.find(Tenant.class, tenantContext.requireTenantId()).getTimeZone();
        Instant now = clock.instant();
        List<MetricUsage> metrics = new ArrayList<>();
        for (UsageSummary summary : summaries) {
            plan.getMetrics().stream().filter(metric -> metric.getCode().equals(summary.usage().metric())).findFirst()
                    .ifPresent(metric -> metrics.add(usage(subscription, metric, summary, zone, now)));
        }
        return new Dashboard(subscription.getId(), plan.getProduct().getName(), plan.getName(), subscription.getPeriodStart(),
                subscription.getPeriodEnd(), metrics);
    }

    /** Whether a plan has pay-per-use metrics: its subscriptions have a usage dashboard. */
    public boolean metered(long planId) {
        Plan plan = entityManager.find(Plan.class, planId);
        return plan != null && !plan.getMetrics().isEmpty();
    }

    private MetricUsage usage(Subscription subscription, Metric metric, UsageSummary summary, ZoneId zone, Instant now) {
        long id = subscription.getId();
        Instant end = now.isBefore(subscription.getPeriodEnd()) ? now : subscription.getPeriodEnd();
        Instant hoursFrom = UsagePoints.firstBucket(now.minus(HOURLY_WINDOW), Granularity.HOUR, zone).plus(Duration.ofHours(1));
        Instant daysFrom = UsagePoints.firstBucket(subscription.getPeriodStart(), Granularity.DAY, zone);
        boolean readings = usageHours.lastBefore(id, metric.getId(), now.plus(Duration.ofHours(1))).isPresent();
        return new MetricUsage(metric.getCode(), summary.name(), summary.unit(), metric.getKind(), metric.getAggregation(), readings,
                summary.usage().measured(), summary.included(), summary.usage().cost(),
                summary.quota().map(MeteringSettings.Quota::limit).orElse(null), summary.quotaPercent().orElse(null),
                points(id, metric, hoursFrom, now, Granularity.HOUR, zone), points(id, metric, daysFrom, end, Granularity.DAY, zone));
    }

    private List<UsagePoint> points(long subscriptionId, Metric metric, Instant from, Instant to, Granularity granularity, ZoneId zone) {
        BigDecimal carried = usageHours.lastBefore(subscriptionId, metric.getId(), from).map(HourAggregate::lastValue).orElse(BigDecimal.ZERO);
        return UsagePoints.of(usageHours.between(subscriptionId, metric.getId(), from, to), carried, from, to, granularity, zone);
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
