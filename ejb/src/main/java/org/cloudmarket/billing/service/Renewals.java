package org.cloudmarket.billing.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.channel.service.LevelPrices;
import org.cloudmarket.channel.service.StorefrontPricing;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.pricing.PlanPricing;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.persistence.InstantConverter;
import org.cloudmarket.shared.persistence.NativeSql;
import org.cloudmarket.subscription.domain.BillingCycle;
import org.cloudmarket.subscription.domain.Change;
import org.cloudmarket.subscription.domain.PriceSnapshot;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.subscription.service.Lifecycle;
import org.cloudmarket.tenancy.domain.Organization;

/**
 * A billing run's changes of a subscription, through Lifecycle: an auto-renewing window that ended is renewed (DOMAIN,
 * Price changes: a new window takes today's prices, at every level of its storefront's chain, for the same plan and
 * duration), a DEFERRED downgrade is applied at the start of the period the run opens, and the current period moves
 * to the one the run's instant falls in, so that a change is priced on it
 * (ChangeOrders.period) once the run billed it.
 */
@Dependent
class Renewals {

    @Inject
    private EntityManager entityManager;

    @Inject
    private StorefrontPricing storefrontPricing;

    @Inject
    private Lifecycle lifecycle;

    /**
     * The next window, from the end of the last one, priced from today's lists; a manual renewal whose renewal invoice was
     * paid (ManualRenewals) on the prices that invoice billed, kept on its RENEWAL order.
     */
    void renew(Subscription subscription, BillingCycle cycle) {
        Instant start = subscription.getEndsAt();
        Optional<String> paid = renewalPrices(subscription, start);
        String next = paid.orElseGet(() -> today(subscription, subscription.getPlanId()).toJson());
        Instant end = cycle.windowEnd(cycle.indexAt(start), subscription.getDuration());
        lifecycle.record(subscription, paid.isPresent() ? "Renewed by the billing run: its renewal invoice was paid"
                        : "Renewed by the billing run at today's prices", null,
                new Change.Plan(subscription.getPlanId(), next, start), new Change.EndsAt(end));
    }

    /** The snapshot a manual renewal's RENEWAL order of the window starting at {@code start} keeps, if there is one. */
    private Optional<String> renewalPrices(Subscription subscription, Instant start) {
        @SuppressWarnings("unchecked")
        List<String> prices = NativeSql.of(entityManager, "SELECT prices FROM purchase_order WHERE tenant_id = ? AND subscription_id = ?"
                        + " AND period_start = ? AND type = 'RENEWAL' AND prices IS NOT NULL")
                .setParameter(1, subscription.getTenantId()).setParameter(2, subscription.getId())
                .setParameter(3, InstantConverter.column(start)).getResultList();
        return prices.stream().findFirst();
    }

    /** Whether a DEFERRED downgrade (fewer extra resources, a cheaper plan) waits for the next period start. */
    static boolean deferred(Subscription subscription) {
        return subscription.getNextExtraResources().isPresent() || subscription.getNextPlanId().isPresent();
    }

    /**
     * The DEFERRED downgrades applied at the start of the period the run opens (DOMAIN, Orders: down at the next period
     * start; QuantityChanges and PlanChanges wrote them): the waiting extra resources become the subscription's, the
     * waiting plan its plan from {@code periodStart} at today's prices, as an immediate plan change would (a new window
     * start, the coupon no longer applying).
     */
    void applyDeferred(Subscription subscription, Instant periodStart) {
        List<Change> changes = new ArrayList<>();
        subscription.getNextExtraResources().ifPresent(next -> changes.add(new Change.ExtraResources(next)));
        subscription.getNextPlanId().ifPresent(planId -> {
            changes.add(new Change.Plan(planId, today(subscription, planId).toJson(), periodStart));
            subscription.getCouponId().ifPresent(coupon -> changes.add(new Change.Coupon(null)));
        });
        if (!changes.isEmpty()) {
            lifecycle.record(subscription, "Deferred change applied by the billing run at the period start " + periodStart, null,
                    changes.toArray(Change[]::new));
        }
    }

    /** The plan's prices today, at every level of the subscription's storefront chain, in the subscription's currencies. */
    PriceSnapshot today(Subscription subscription, long planId) {
        Plan plan = entityManager.find(Plan.class, planId);
        Organization seller = subscription.getSellerId().map(id -> entityManager.find(Organization.class, id)).orElse(null);
        LevelPrices today = storefrontPricing.forOwner(seller).levelPrices(plan)
                .orElseThrow(() -> new Conflict("The storefront no longer sells plan " + plan.getId() + ": the window cannot renew"));
        PriceSnapshot old = PriceSnapshot.fromJson(subscription.getPrices());
        if (!today.sellOut().license().currency().equals(old.orderCurrency())) {
            throw new Conflict("The plan is now sold in " + today.sellOut().license().currency() + ", the subscription in " + old.orderCurrency());
        }
        PlanPricing sellIn = today.sellIn() != null ? today.sellIn() : today.wholesale();
        return new PriceSnapshot(today.vendor(), today.wholesale(), sellIn, today.sellOut(), old.marketplaceCurrency(),
                old.orderCurrency(), old.exchangeRate());
    }

    /** The changelog's reason of a period the run opened (here, and a chunk's batched advance: PeriodAdvances). */
    static final String PERIOD_OPENED = "Billing period opened by the billing run";

    /** The current period becomes the one {@code at} falls in, inside the window; never an earlier one, nor after the end. */
    void advance(Subscription subscription, BillingCycle cycle, Instant at) {
        opened(cycle, at, subscription.getPeriodStart(), subscription.getEndsAt(), subscription.getEndedAt().orElse(null))
                .ifPresent(now -> lifecycle.record(subscription, PERIOD_OPENED, null, new Change.Period(now.start(), now.end())));
    }

    /** The period a run at {@code at} opens, if any: the one {@code at} falls in when it starts after the current one, inside the window. */
    static Optional<BillingPeriod> opened(BillingCycle cycle, Instant at, Instant periodStart, Instant endsAt, Instant endedAt) {
        if (!at.isBefore(endsAt) || at.isBefore(cycle.anchor()) || endedAt != null) {
            return Optional.empty();
        }
        BillingPeriod now = cycle.periodAt(at);
        return now.start().isAfter(periodStart) ? Optional.of(now) : Optional.empty();
    }
}
