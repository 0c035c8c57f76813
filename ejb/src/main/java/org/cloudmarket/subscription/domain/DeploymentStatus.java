package org.cloudmarket.subscription.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * A subscription's deployment status (DOMAIN.md): REQUIRES_APPROVAL -> (REJECTED | WAITING_PAYMENT)
 * -> PENDING (paid; the vendor provisions) -> DEPLOYED | FAILED; DEPLOYED -> STOPPED (suspended) ->
 * DEPLOYED again when paid; at the end UNDEPLOY_SENT -> UNDEPLOYED. A first invoice unpaid past its
 * window gives PAYMENT_EXPIRED. A trial starts in PENDING. REQUIRES_APPROVAL -> PENDING is kept on purpose: an
 * approved sale with nothing to pay (a TRIAL or SANDBOX that needed approval, review 11 #4) goes straight to
 * provisioning; paid sales always pass WAITING_PAYMENT (live reporting and zero totals move on from there).
 */
public enum DeploymentStatus {
    REQUIRES_APPROVAL,
    REJECTED,
    WAITING_PAYMENT,
    PAYMENT_EXPIRED,
    PENDING,
    DEPLOYED,
    FAILED,
    STOPPED,
    UNDEPLOY_SENT,
    UNDEPLOYED;

    /** Whether a subscription in this status may move to {@code next}; the one table of the lifecycle. */
    public boolean mayMoveTo(DeploymentStatus next) {
        return successors().contains(next);
    }

    public Set<DeploymentStatus> successors() {
        return switch (this) {
            case REQUIRES_APPROVAL -> EnumSet.of(REJECTED, WAITING_PAYMENT, PENDING);
            case WAITING_PAYMENT -> EnumSet.of(PENDING, PAYMENT_EXPIRED, UNDEPLOY_SENT);
            case PENDING -> EnumSet.of(DEPLOYED, FAILED, UNDEPLOY_SENT);
            case DEPLOYED -> EnumSet.of(STOPPED, UNDEPLOY_SENT, FAILED);
            case FAILED -> EnumSet.of(DEPLOYED, PENDING, UNDEPLOY_SENT);
            case STOPPED -> EnumSet.of(DEPLOYED, UNDEPLOY_SENT);
            case UNDEPLOY_SENT -> EnumSet.of(UNDEPLOYED);
            case REJECTED, PAYMENT_EXPIRED, UNDEPLOYED -> EnumSet.noneOf(DeploymentStatus.class);
        };
    }

    /** Ended for good: nothing more is billed, changed or provisioned. */
    public boolean isFinal() {
        return successors().isEmpty();
    }
}
