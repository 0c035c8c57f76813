package org.cloudmarket.ordering.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.subscription.service.Provisioning;

/**
 * Deploys the subscriptions that waited in PENDING for their start (a paid postponed order, a trial
 * starting on a later day: {@link Provisioning#start} leaves them until then), once the start has
 * come. Each in a transaction of its own, in the tenant {@link TrialEndTimer} bound.
 */
@Dependent
@Transactional
class PostponedStarts {

    @Inject
    private EntityManager entityManager;

    @Inject
    private Provisioning provisioning;

    @Inject
    private Clock clock;

    /** The bound tenant's PENDING subscriptions whose start has come. */
    List<Long> due() {
        return entityManager.createQuery("SELECT s.id FROM Subscription s WHERE s.deploymentStatus = :pending AND s.anchorAt <= :now"
                        + " ORDER BY s.id", Long.class)
                .setParameter("pending", DeploymentStatus.PENDING).setParameter("now", clock.instant()).getResultList();
    }

    /** Starts one; one another round started meanwhile is left alone (the version guards the race). */
    void start(long subscriptionId) {
        Subscription subscription = entityManager.find(Subscription.class, subscriptionId);
        if (subscription != null && subscription.getDeploymentStatus() == DeploymentStatus.PENDING) {
            provisioning.start(subscription, subscription.getOrderId());
        }
    }
}
