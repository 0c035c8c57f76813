package org.cloudmarket.subscription.domain;

import java.time.Instant;
import java.util.Objects;
import org.cloudmarket.shared.error.Conflict;

/**
 * One change of a subscription, as its changelog records it (what, from, to). Only a change
 * alters a subscription, and only {@code subscription.service.Lifecycle.record} applies changes,
 * writing the changelog row in the same transaction: so the provisioning issue's outbox hangs on
 * that one method.
 */
public sealed interface Change {

    /** What the changelog says changed. */
    enum What { STATUS, TYPE, TRIAL_ENDS_AT, EXTRA_RESOURCES, NEXT_EXTRA_RESOURCES, PLAN, NEXT_PLAN, AUTO_RENEW, PAID, PERIOD, ENDS_AT, COUPON, ANCHOR }

    /** The change as recorded: what, and its values before and after (null when empty). */
    record Applied(What what, String from, String to) {
    }

    /** Applies the change; a status move the lifecycle does not allow is a 409. */
    Applied applyTo(Subscription subscription);

    /** Applies the change at {@code at}, the changelog's instant: only the end (UNDEPLOY_SENT) keeps it, as {@code ended_at}. */
    default Applied applyAt(Subscription subscription, Instant at) {
        return applyTo(subscription);
    }

    record Status(DeploymentStatus to) implements Change {
        @Override
        public Applied applyTo(Subscription subscription) {
            DeploymentStatus from = subscription.getDeploymentStatus();
            if (!from.mayMoveTo(to)) {
                throw new Conflict("A subscription " + from + " cannot become " + to);
            }
            subscription.setDeploymentStatus(to);
            return new Applied(What.STATUS, from.name(), to.name());
        }

        /** Sent to be undeployed: the instant its billing ends (its last period's postpaid is cut there, then billed). */
        @Override
        public Applied applyAt(Subscription subscription, Instant at) {
            Applied applied = applyTo(subscription);
            if (to == DeploymentStatus.UNDEPLOY_SENT) {
                subscription.setEndedAt(at);
            }
            return applied;
        }
    }

    /** DEPLOYED -> STOPPED for a reason (QUOTA here; UNPAID with the payments issue); Status(DEPLOYED) resumes. */
    record Stop(StopReason reason) implements Change {
        public Stop {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Applied applyTo(Subscription subscription) {
            DeploymentStatus from = subscription.getDeploymentStatus();
            if (!from.mayMoveTo(DeploymentStatus.STOPPED)) {
                throw new Conflict("A subscription " + from + " cannot be stopped");
            }
            subscription.stop(reason);
            return new Applied(What.STATUS, from.name(), DeploymentStatus.STOPPED.name() + " " + reason.name());
        }
    }

    record Type(SubscriptionType to) implements Change {
        @Override
        public Applied applyTo(Subscription subscription) {
            String from = subscription.getType().name();
            subscription.setType(to);
            return new Applied(What.TYPE, from, to.name());
        }
    }

    record ExtraResources(Quantities to) implements Change {
        @Override
        public Applied applyTo(Subscription subscription) {
            String from = subscription.getExtraResources().toColumn();
            subscription.setExtraResources(to);
            subscription.setNextExtraResources(null);
            return new Applied(What.EXTRA_RESOURCES, from, to.toColumn());
        }
    }

    /** A downgrade waiting for the next period start; null withdraws it. */
    record NextExtraResources(Quantities to) implements Change {
        @Override
        public Applied applyTo(Subscription subscription) {
            String from = subscription.getNextExtraResources().map(Quantities::toColumn).orElse(null);
            subscription.setNextExtraResources(to);
            return new Applied(What.NEXT_EXTRA_RESOURCES, from, to == null ? null : to.toColumn());
        }
    }

    /** A new plan, with the new commitment window's prices (PriceSnapshot JSON) from {@code windowStart}. */
    record Plan(long planId, String prices, Instant windowStart) implements Change {
        public Plan {
            Objects.requireNonNull(prices, "prices");
        }

        @Override
        public Applied applyTo(Subscription subscription) {
            String from = Long.toString(subscription.getPlanId());
            subscription.setPlan(planId, prices, windowStart);
            subscription.setNextPlanId(null);
            return new Applied(What.PLAN, from, Long.toString(planId));
        }
    }

    /** A cheaper plan waiting for the next period start; null withdraws it. */
    record NextPlan(Long planId) implements Change {
        @Override
        public Applied applyTo(Subscription subscription) {
            String from = subscription.getNextPlanId().map(String::valueOf).orElse(null);
            subscription.setNextPlanId(planId);
            return new Applied(What.NEXT_PLAN, from, planId == null ? null : planId.toString());
        }
    }

    record AutoRenew(boolean to) implements Change {
        @Override
        public Applied applyTo(Subscription subscription) {
            boolean from = subscription.isAutoRenew();
            subscription.setAutoRenew(to);
            return new Applied(What.AUTO_RENEW, Boolean.toString(from), Boolean.toString(to));
        }
    }

    /** Whether every invoice issued so far is paid. */
    record Paid(boolean to) implements Change {
        @Override
        public Applied applyTo(Subscription subscription) {
            boolean from = subscription.isPaid();
            subscription.setPaid(to);
            return new Applied(What.PAID, Boolean.toString(from), Boolean.toString(to));
        }
    }

    record Period(Instant start, Instant end) implements Change {
        @Override
        public Applied applyTo(Subscription subscription) {
            String from = subscription.getPeriodStart() + "/" + subscription.getPeriodEnd();
            subscription.setPeriod(start, end);
            return new Applied(What.PERIOD, from, start + "/" + end);
        }
    }

    record EndsAt(Instant to) implements Change {
        @Override
        public Applied applyTo(Subscription subscription) {
            String from = subscription.getEndsAt().toString();
            subscription.setEndsAt(to);
            return new Applied(What.ENDS_AT, from, to.toString());
        }
    }

    /**
     * The periods start again from {@code at}, a new commitment window with them: a trial turned paid bills on the cycle
     * that starts at its end, not on the trial's (BillingCycle.of(anchorAt, ...) is the one cycle rule).
     */
    record Anchor(Instant at) implements Change {
        public Anchor {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public Applied applyTo(Subscription subscription) {
            String from = String.valueOf(subscription.getAnchorAt());
            subscription.setAnchor(at);
            return new Applied(What.ANCHOR, from, at.toString());
        }
    }

    /** A trial's end moves: a trial approved late runs its whole length from its approval. */
    record TrialEndsAt(Instant to) implements Change {
        @Override
        public Applied applyTo(Subscription subscription) {
            String from = subscription.getTrialEndsAt().map(Instant::toString).orElse(null);
            subscription.setTrialEndsAt(to);
            return new Applied(What.TRIAL_ENDS_AT, from, to.toString());
        }
    }

    /** The coupon stops applying (it expired, or the plan changed); null. */
    record Coupon(Long couponId) implements Change {
        @Override
        public Applied applyTo(Subscription subscription) {
            String from = subscription.getCouponId().map(String::valueOf).orElse(null);
            subscription.setCouponId(couponId);
            return new Applied(What.COUPON, from, couponId == null ? null : couponId.toString());
        }
    }
}
