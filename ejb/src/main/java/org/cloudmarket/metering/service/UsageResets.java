package org.cloudmarket.metering.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cloudmarket.metering.domain.MeteredSubscription;
import org.cloudmarket.metering.domain.Reading;
import org.cloudmarket.metering.domain.ReadingResult;
import org.cloudmarket.metering.domain.ReadingSource;
import org.cloudmarket.pricing.MetricPricing.Kind;
import org.cloudmarket.shared.persistence.NativeSql;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.subscription.domain.Subscription;

/**
 * Trial usage is never billed (METERING-CONTRACT "Trial"): when a trial turns paid, each counter of its plan is reset
 * by a platform reading of 0 at the conversion instant, id {@code reset:<subscription>:<metric code>} (so a retried
 * conversion resets once), and the paid life counts from there. Gauges need none: a gauge's value is what it is.
 */
@Dependent
public class UsageResets {

    @Inject
    private EntityManager entityManager;

    @Inject
    private ReadingStore store;

    @Inject
    private TenantContext tenantContext;

    /** In the caller's transaction (ordering's TrialEnds converting the trial). */
    public List<ReadingResult> trialTurnedPaid(Subscription subscription, Instant at) {
        List<String> counters = entityManager.createQuery("SELECT m.code FROM Metric m WHERE m.plan.id = :plan AND m.kind = :counter ORDER BY m.code",
                String.class).setParameter("plan", subscription.getPlanId()).setParameter("counter", Kind.COUNTER).getResultList();
        if (counters.isEmpty()) {
            return List.of();
        }
        List<Reading> resets = counters.stream()
                .map(code -> new Reading("reset:" + subscription.getId() + ":" + code, subscription.getId(), code, BigDecimal.ZERO, at)).toList();
        return store.store(resets, ReadingSource.RESET, Map.of(subscription.getId(), MeteredSubscription.of(subscription)));
    }

    /**
     * A plan change (ordering's PlanChanges), called BEFORE the new plan is recorded (the store reads a code through the
     * subscription's plan, still the old one here): each gauge of the old plan that has a series reads 0 at the change
     * instant, id {@code close:<subscription>:<metric id>:<epoch second>}, so that the old series stops carrying its last
     * value into later hours (PEAK, AVERAGE); the new plan's metric starts a series of its own. Counters need none: a
     * counter's new series opens with the last reading of its code (SeriesFold), whatever the plan.
     */
    public List<ReadingResult> planChanged(Subscription subscription, long oldPlanId, Instant at) {
        if (subscription.getPlanId() != oldPlanId) {
            throw new IllegalStateException("Subscription " + subscription.getId() + " already has its new plan: the old plan's gauges are closed before");
        }
        List<?> gauges = NativeSql.of(entityManager, "SELECT m.id, m.code FROM metric m JOIN usage_series s ON s.tenant_id = m.tenant_id"
                        + " AND s.metric_id = m.id WHERE m.tenant_id = ? AND m.plan_id = ? AND m.kind = ? AND s.subscription_id = ? ORDER BY m.id")
                .setParameter(1, tenantContext.requireTenantId()).setParameter(2, oldPlanId).setParameter(3, Kind.GAUGE.name())
                .setParameter(4, subscription.getId()).getResultList();
        if (gauges.isEmpty()) {
            return List.of();
        }
        List<Reading> closes = gauges.stream().map(row -> (Object[]) row)
                .map(row -> new Reading("close:" + subscription.getId() + ":" + ((Number) row[0]).longValue() + ":" + at.getEpochSecond(),
                        subscription.getId(), (String) row[1], BigDecimal.ZERO, at)).toList();
        return store.store(closes, ReadingSource.RESET, Map.of(subscription.getId(), MeteredSubscription.of(subscription)));
    }
}
