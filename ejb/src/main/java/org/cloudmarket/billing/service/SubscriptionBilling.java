package org.cloudmarket.billing.service;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cloudmarket.billing.domain.BilledKey;
import org.cloudmarket.billing.domain.BillingPlan;
import org.cloudmarket.billing.domain.BillingSettings;
import org.cloudmarket.billing.domain.DueProceed;
import org.cloudmarket.billing.domain.PeriodUsage;
import org.cloudmarket.billing.domain.RecurringGenerator;
import org.cloudmarket.catalog.domain.Metric;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.metering.domain.MeteringSettings;
import org.cloudmarket.metering.service.UsageMeasures;
import org.cloudmarket.pricing.Coupon;
import org.cloudmarket.pricing.ExtraResourceBilling;
import org.cloudmarket.pricing.PlanPricing;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.subscription.domain.BillingCycle;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * One subscription of a billing run, in a transaction of its own (so one that fails rolls back alone and the run goes
 * on): the pure generator (RecurringGenerator.plan) on its terms, what its proceeds hold and its closed periods' usage;
 * a window due for renewal renewed and asked again; the current period opened. The proceeds are written by the chunk's
 * writer, not here. Usage is measured per subscription with metrics (UsageMeasures: a fold and a read per metric and
 * period), which is fine at the demo's size and the first thing a big run would batch.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SubscriptionBilling {

    /** Windows one run renews at most for one subscription (an hourly plan's day-long windows over a year are 365). */
    private static final int MAX_RENEWALS = 1_000;

    @Inject
    private EntityManager entityManager;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private Renewals renewals;

    @Inject
    private UsageMeasures usageMeasures;

    @Inject
    private ProceedParties proceedParties;

    @Inject
    private Instance<SubscriptionCoupons> coupons;

    public PlannedSubscription plan(long tenantId, Instant at, DueSubscription due) {
        return tenantContext.callAs(tenantId, () -> {
            Tenant tenant = entityManager.find(Tenant.class, tenantId);
            BillingSettings settings = BillingSettings.of(tenant.getSettings());
            Duration grace = MeteringSettings.of(tenant.getSettings()).grace();
            Set<BilledKey> billed = new HashSet<>(due.billed());
            Subscription[] entity = new Subscription[1];
            List<DueProceed> proceeds = new ArrayList<>();
            DueSubscription current = due;
            // a run after missed ones catches up: each window that ended by the run's instant is billed, then renewed
            for (int windows = 0; ; windows++) {
                BillingPlan plan = RecurringGenerator.plan(current.terms(tenant.getTimeZone(), coupon(current), settings.platformFeePercent()),
                        billed, usage(current, entity), at, grace);
                proceeds.addAll(plan.proceeds());
                plan.proceeds().forEach(proceed -> billed.add(proceed.key()));
                if (!plan.renewalDue()) {
                    break;
                }
                if (windows == MAX_RENEWALS) {
                    break; // what is renewed and billed so far is kept; the next run goes on from there
                }
                Subscription subscription = entity(due, entity);
                renewals.renew(subscription, current.cycle(tenant.getTimeZone()));
                current = DueSubscription.of(subscription, proceedParties.of(subscription, subscription.getOrderId(), subscription.getPlanId()), billed);
            }
            BillingCycle cycle = current.cycle(tenant.getTimeZone());
            if (at.isBefore(current.endsAt()) && cycle.periodAt(at).start().isAfter(current.periodStart())) {
                renewals.advance(entity(due, entity), cycle, at);
            }
            return new PlannedSubscription(current, proceeds);
        });
    }

    private Optional<Coupon> coupon(DueSubscription due) {
        return due.couponId() == null ? Optional.empty() : coupons.get().pricing(due.couponId());
    }

    /** Each metric's measured quantity in a closed period; a plan without metrics reads nothing. */
    private PeriodUsage usage(DueSubscription due, Subscription[] entity) {
        PlanPricing sellOut = due.snapshot().sellOut();
        if (sellOut.metrics().isEmpty() && sellOut.extraResources().stream().noneMatch(resource -> resource.billing() == ExtraResourceBilling.PAY_AS_YOU_GO)) {
            return PeriodUsage.NONE;
        }
        return period -> {
            Subscription subscription = entity(due, entity);
            Map<String, BigDecimal> measured = new HashMap<>();
            for (Metric metric : entityManager.find(Plan.class, subscription.getPlanId()).getMetrics()) {
                measured.put(metric.getCode(), usageMeasures.measure(subscription, metric, period).measured());
            }
            return measured;
        };
    }

    private Subscription entity(DueSubscription due, Subscription[] entity) {
        if (entity[0] == null) {
            entity[0] = entityManager.find(Subscription.class, due.id());
        }
        return entity[0];
    }
}
