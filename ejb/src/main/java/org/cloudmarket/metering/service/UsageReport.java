package org.cloudmarket.metering.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.cloudmarket.catalog.domain.Metric;
import org.cloudmarket.metering.domain.Granularity;
import org.cloudmarket.metering.domain.HourAggregate;
import org.cloudmarket.metering.domain.UsagePoints;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.subscription.service.PartyScopes;
import org.cloudmarket.subscription.service.Subscriptions;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * A subscription's usage of one metric, for whoever may see the subscription (its customer, vendor, seller, the
 * seller's distributor, the tenant's staff; anyone else gets the 404 of a subscription that does not exist). Its
 * series are folded first, so the answer is never older than the last reading taken.
 */
@Stateless
@PermitAll
public class UsageReport {

    @Inject
    private Subscriptions subscriptions;

    @Inject
    private PartyScopes scopes;

    @Inject
    private UsageFolder folder;

    @Inject
    private UsageHours usageHours;

    @Inject
    private EntityManager entityManager;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private Clock clock;

    /** {@code from} null: the current period's start (the creation before the first period); {@code to} null: now; {@code granularity} null: HOUR. */
    public UsageView usage(long subscriptionId, String metricCode, Instant from, Instant to, Granularity granularity) {
        Subscription subscription = subscriptions.inScope(subscriptionId, scopes.ofCaller());
        if (metricCode == null || metricCode.isBlank()) {
            throw new InvalidInput("metric", "metric is required: the code of one of the plan's metrics");
        }
        Metric metric = entityManager.createQuery("SELECT m FROM Metric m WHERE m.plan.id = :plan AND m.code = :code", Metric.class)
                .setParameter("plan", subscription.getPlanId()).setParameter("code", metricCode.strip()).getResultList().stream().findFirst()
                .orElseThrow(() -> new InvalidInput("metric", "The subscription's plan has no metric " + metricCode.strip()));
        Granularity buckets = granularity == null ? Granularity.HOUR : granularity;
        // a subscription not started yet (no period) is read from its creation, the first instant a reading may have
        Instant start = from != null ? from : subscription.getPeriodStart() != null ? subscription.getPeriodStart() : subscription.getCreatedAt();
        Instant end = to == null ? clock.instant() : to;
        if (!end.isAfter(start)) {
            throw new InvalidInput("from", "from is before to");
        }
        if (Duration.between(start, end).compareTo(buckets.longestRange()) > 0) {
            throw new InvalidInput("from", "A range of " + buckets + " buckets spans at most " + buckets.longestRange().toDays() + " days");
        }
        folder.fold(subscriptionId);
        ZoneId zone = entityManager.find(Tenant.class, tenantContext.requireTenantId()).getTimeZone();
        Instant first = UsagePoints.firstBucket(start, buckets, zone);
        List<HourAggregate> hours = usageHours.between(subscriptionId, metric.getId(), first, end);
        BigDecimal carried = usageHours.lastBefore(subscriptionId, metric.getId(), first).map(HourAggregate::lastValue).orElse(BigDecimal.ZERO);
        return new UsageView(metric.getCode(), metric.getUnit(), metric.getKind(), metric.getAggregation(), buckets,
                UsagePoints.of(hours, carried, start, end, buckets, zone));
    }
}
