package org.cloudmarket.metering.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.cloudmarket.metering.domain.UsageSummary;
import org.cloudmarket.subscription.service.PartyScopes;
import org.cloudmarket.subscription.service.Subscriptions;
import org.cloudmarket.subscription.domain.Subscription;

/**
 * A subscription's usage in its current period so far, for the API and pages: whoever sees the subscription (its
 * customer, vendor, seller, the seller's distributor, the tenant's staff: PartyScope) sees it; anyone else gets a 404.
 */
@Stateless
@PermitAll
public class UsageSummaries {

    /** One metric so far: measured as billed, included, the estimated cost (rounded), the quota and its share used. */
    public record MetricSoFar(String metric, String name, String unit, BigDecimal measured, BigDecimal included, BigDecimal estimatedCost,
                              String currency, BigDecimal quota, Boolean quotaBlocking, BigDecimal quotaPercent) {
    }

    public record Summary(long subscriptionId, Instant periodStart, Instant periodEnd, List<MetricSoFar> metrics) {
    }

    @Inject
    private Subscriptions subscriptions;

    @Inject
    private PartyScopes scopes;

    @Inject
    private UsageMeasures usageMeasures;

    public Summary of(long subscriptionId) {
        Subscription subscription = subscriptions.inScope(subscriptionId, scopes.ofCaller());
        List<MetricSoFar> metrics = usageMeasures.currentPeriod(subscription).stream().map(UsageSummaries::view).toList();
        return new Summary(subscription.getId(), subscription.getPeriodStart(), subscription.getPeriodEnd(), metrics);
    }

    private static MetricSoFar view(UsageSummary summary) {
        return new MetricSoFar(summary.usage().metric(), summary.name(), summary.unit(), summary.usage().measured(), summary.included(),
                summary.usage().cost().amount(), summary.usage().cost().currency().getCurrencyCode(),
                summary.quota().map(quota -> quota.limit()).orElse(null), summary.quota().map(quota -> quota.blocking()).orElse(null),
                summary.quotaPercent().orElse(null));
    }
}
