package org.cloudmarket.billing.service;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.cloudmarket.billing.domain.BillingPlan;
import org.cloudmarket.billing.domain.PeriodUsage;
import org.cloudmarket.billing.domain.RecurringGenerator;
import org.cloudmarket.pricing.Coupon;
import org.cloudmarket.pricing.ExtraResourceBilling;
import org.cloudmarket.pricing.PlanPricing;

/**
 * A billing run's planning of one subscription from its page row alone (the processor's; no database but a coupon's
 * pricing): the pure generator on its terms and billed keys, and the period the run opens, the same rule as the entity
 * path's (Renewals.opened). What only the entity path does is left to it (SubscriptionBilling, a transaction per
 * subscription): a window due for renewal (today's prices through the storefront chain), a DEFERRED downgrade, and
 * usage to measure (UsageMeasures folds and reads per metric and period). So a chunk of prepaid period advances, the
 * bulk of any run, is written a chunk at a time (RunChunkWrites) and gives exactly what the entity path would.
 */
@Dependent
class RunPlanning {

    /** Thrown by the usage of a row-planned subscription: a closed period's usage is measured on the entity path. */
    private static final class MeasuredOnTheEntity extends RuntimeException {
        MeasuredOnTheEntity() {
            super(null, null, false, false);
        }
    }

    private static final PeriodUsage ON_THE_ENTITY = period -> {
        throw new MeasuredOnTheEntity();
    };

    @Inject
    private Instance<SubscriptionCoupons> coupons;

    /** The subscription's plan, not written yet; empty when the entity path must bill it. */
    Optional<PlannedSubscription> plan(RunTenant tenant, DueSubscription due, Instant at) {
        if (due.deferred()) {
            return Optional.empty();
        }
        BillingPlan plan;
        try {
            plan = RecurringGenerator.plan(due.terms(tenant.zone(), coupon(due), tenant.fees(due.parties().planId())), due.billed(),
                    usage(due), at, tenant.grace());
        } catch (MeasuredOnTheEntity e) {
            return Optional.empty();
        }
        if (plan.renewalDue()) {
            return Optional.empty();
        }
        return Optional.of(new PlannedSubscription(due, plan.proceeds(),
                Renewals.opened(due.cycle(tenant.zone()), at, due.periodStart(), due.endsAt(), due.endedAt()), false));
    }

    private Optional<Coupon> coupon(DueSubscription due) {
        return due.couponId() == null ? Optional.empty() : coupons.get().pricing(due.couponId());
    }

    /** None to measure for a plan without metrics or pay-as-you-go resources (as SubscriptionBilling.usage). */
    private static PeriodUsage usage(DueSubscription due) {
        PlanPricing sellOut = due.snapshot().sellOut();
        return sellOut.metrics().isEmpty() && sellOut.extraResources().stream().noneMatch(resource -> resource.billing() == ExtraResourceBilling.PAY_AS_YOU_GO)
                ? PeriodUsage.NONE : ON_THE_ENTITY;
    }
}
