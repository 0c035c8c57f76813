package org.cloudmarket.billing.service;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
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
import org.cloudmarket.billing.domain.DeferredChanges;
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
 * a window due for renewal renewed and asked again; the current period opened; then its period orders and proceeds
 * written (PeriodWriter), all in this one transaction: a renewal or an opened period never commits without the proceeds
 * computed from the terms before it, so a write that fails rolls the subscription back as it was and a re-run bills it
 * exactly as a clean run would. The chunk's writer only counts the items done. A DEFERRED downgrade is applied at the
 * start of the period the run opens (DeferredChanges), in the same transaction. Usage is measured per subscription with
 * metrics (UsageMeasures: a fold and a read per metric and period), which is fine at the demo's size and the first thing
 * a big run would batch.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SubscriptionBilling {

    /** Windows one run renews at most for one subscription (an hourly plan's day-long windows over a year are 365). */
    private static final int MAX_RENEWALS = 1_000;

    @Inject
    private EntityManager entityManager;

    @Inject
    private FeeOverrides feeOverrides;

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

    @Inject
    private PeriodWriter writer;

    @Inject
    private Clock clock;

    public PlannedSubscription plan(long tenantId, long runId, Instant at, DueSubscription due) {
        return tenantContext.callAs(tenantId, () -> {
            Tenant tenant = entityManager.find(Tenant.class, tenantId);
            BillingSettings settings = BillingSettings.of(tenant.getSettings());
            Duration grace = MeteringSettings.of(tenant.getSettings()).grace();
            Set<BilledKey> billed = new HashSet<>(due.billed());
            Subscription[] entity = new Subscription[1];
            List<DueProceed> proceeds = new ArrayList<>();
            Window window = new Window(tenant, settings, grace, billed, proceeds, entity);
            DueSubscription current = due;
            Subscription subscription = entity(due, entity);
            Optional<Instant> deferred = Renewals.deferred(subscription)
                    ? DeferredChanges.takesEffect(current.cycle(tenant.getTimeZone()), current.periodStart(), at) : Optional.empty();
            if (deferred.isPresent()) {
                // what fell due before the change on the old terms, then the change, then its period and the later ones on
                // the new terms, all in this transaction
                current = window.catchUp(current, deferred.get().minusNanos(1));
                renewals.applyDeferred(subscription, deferred.get());
                current = DueSubscription.of(subscription, proceedParties.of(subscription, subscription.getOrderId(), subscription.getPlanId()), billed);
            }
            current = window.catchUp(current, at);
            BillingCycle cycle = current.cycle(tenant.getTimeZone());
            if (at.isBefore(current.endsAt()) && cycle.periodAt(at).start().isAfter(current.periodStart())) {
                renewals.advance(entity(due, entity), cycle, at);
            }
            PlannedSubscription planned = new PlannedSubscription(current, proceeds);
            entityManager.flush(); // the period orders copy the subscription's row as the renewal left it
            writer.write(tenantId, runId, List.of(planned), clock.instant());
            return planned;
        });
    }

    /** One run's billing of one subscription: its proceeds and keys so far, the entity once it was read. */
    private final class Window {

        private final Tenant tenant;
        private final BillingSettings settings;
        private final Duration grace;
        private final Set<BilledKey> billed;
        private final List<DueProceed> proceeds;
        private final Subscription[] entity;

        Window(Tenant tenant, BillingSettings settings, Duration grace, Set<BilledKey> billed, List<DueProceed> proceeds, Subscription[] entity) {
            this.tenant = tenant;
            this.settings = settings;
            this.grace = grace;
            this.billed = billed;
            this.proceeds = proceeds;
            this.entity = entity;
        }

        /** What fell due up to {@code at}: a run after missed ones catches up, each window that ended by then billed, then renewed. */
        DueSubscription catchUp(DueSubscription due, Instant at) {
            DueSubscription current = due;
            for (int windows = 0; ; windows++) {
                BillingPlan plan = RecurringGenerator.plan(current.terms(tenant.getTimeZone(), coupon(current), feeOverrides.of(current.parties().planId(), settings.platformFeePercent())),
                        billed, usage(current, entity), at, grace);
                proceeds.addAll(plan.proceeds());
                plan.proceeds().forEach(proceed -> billed.add(proceed.key()));
                if (!plan.renewalDue() || windows == MAX_RENEWALS) {
                    return current; // at MAX_RENEWALS what is renewed and billed so far is kept; the next run goes on from there
                }
                Subscription subscription = entity(due, entity);
                renewals.renew(subscription, current.cycle(tenant.getTimeZone()));
                current = DueSubscription.of(subscription, proceedParties.of(subscription, subscription.getOrderId(), subscription.getPlanId()), billed);
            }
        }
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
