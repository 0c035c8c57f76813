package org.cloudmarket.subscription.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import org.cloudmarket.subscription.domain.Change;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.Subscription;

/**
 * Starts and ends the deployment of a paid (or trial, or sandbox) subscription. No vendor has a
 * provisioning endpoint yet, so the platform provisions every plan itself (DOMAIN.md,
 * Provisioning: PENDING -> DEPLOYED at once; UNDEPLOY_SENT -> UNDEPLOYED). The provisioning issue
 * replaces the "at once" with the signed webhook for plans whose vendor has an endpoint.
 */
@Dependent
public class Provisioning {

    @Inject
    private Lifecycle lifecycle;

    @Inject
    private Clock clock;

    /**
     * A subscription in PENDING is deployed (by the platform, for now), unless it starts on a later day
     * (a postponed order, a trial with a later start): it stays PENDING, and ordering's PostponedStarts
     * deploys it once its start has come, so that nobody gets days before the start for free.
     */
    public void start(Subscription subscription, Long orderId) {
        if (subscription.getAnchorAt().isAfter(clock.instant())) {
            return;
        }
        lifecycle.record(subscription, "Provisioned by the platform: the vendor has no provisioning endpoint", orderId,
                new Change.Status(DeploymentStatus.DEPLOYED));
    }

    /** A subscription in UNDEPLOY_SENT is undeployed (by the platform, for now). */
    public void end(Subscription subscription, Long orderId) {
        lifecycle.record(subscription, "Unprovisioned by the platform: the vendor has no provisioning endpoint", orderId,
                new Change.Status(DeploymentStatus.UNDEPLOYED));
    }
}
