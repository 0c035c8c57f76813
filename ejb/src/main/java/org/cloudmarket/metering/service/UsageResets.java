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
}
