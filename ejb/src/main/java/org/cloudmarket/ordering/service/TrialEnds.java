package org.cloudmarket.ordering.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.cloudmarket.subscription.domain.Change;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.subscription.domain.SubscriptionType;
import org.cloudmarket.subscription.service.Lifecycle;
import org.cloudmarket.subscription.service.Provisioning;

/**
 * A trial whose end has passed (DOMAIN.md, Orders and subscriptions): when its plan says so it
 * becomes a NORMAL subscription and stays DEPLOYED, otherwise it is terminated (UNDEPLOY_SENT,
 * then UNDEPLOYED by the platform). Each trial in a transaction of its own, in the tenant the
 * timer bound. Not a session bean and invisible outside its package: only {@link TrialEndTimer} runs it.
 * <p>
 * What is left to the billing issues: the converted subscription's first paid period is billed by
 * h/invoices' PeriodBilling and Invoicing, which have not landed; until then the conversion keeps
 * the trial's period and the recurring billing run bills it (and applies the unpaid-invoice rules).
 */
@Dependent
@Transactional
class TrialEnds {

    static final String CONVERTED = "The trial ended; the plan turns it into a paid subscription";
    static final String ENDED = "The trial ended; the plan does not turn it into a paid subscription";

    @Inject
    private EntityManager entityManager;

    @Inject
    private Lifecycle lifecycle;

    @Inject
    private Provisioning provisioning;

    @Inject
    private Clock clock;

    /** The live trials of the bound tenant whose end has passed. */
    List<Long> due() {
        return entityManager.createQuery("SELECT s.id FROM Subscription s WHERE s.type = :trial AND s.trialEndsAt <= :now"
                        + " AND s.deploymentStatus IN :live ORDER BY s.id", Long.class)
                .setParameter("trial", SubscriptionType.TRIAL).setParameter("now", clock.instant())
                .setParameter("live", List.of(DeploymentStatus.PENDING, DeploymentStatus.DEPLOYED, DeploymentStatus.STOPPED))
                .getResultList();
    }

    /** Ends one trial; one another round ended meanwhile is left alone (the version guards the race). */
    void end(long subscriptionId) {
        Subscription trial = entityManager.find(Subscription.class, subscriptionId);
        if (trial == null || trial.getType() != SubscriptionType.TRIAL || trial.getDeploymentStatus().isFinal()
                || trial.getDeploymentStatus() == DeploymentStatus.UNDEPLOY_SENT) {
            return;
        }
        Long orderId = trial.getOrderId();
        if (trial.isTrialConverts()) {
            lifecycle.record(trial, CONVERTED, orderId, new Change.Type(SubscriptionType.NORMAL));
            return;
        }
        lifecycle.record(trial, ENDED, orderId, new Change.Status(DeploymentStatus.UNDEPLOY_SENT));
        provisioning.end(trial, orderId);
    }
}
