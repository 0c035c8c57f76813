package org.cloudmarket.ordering.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudmarket.billing.domain.Proceed;
import org.cloudmarket.billing.service.ChangeProceeds;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.channel.service.LevelPrices;
import org.cloudmarket.channel.service.StorefrontChain;
import org.cloudmarket.channel.service.StorefrontPricing;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.metering.service.UsageResets;
import org.cloudmarket.ordering.domain.Order;
import org.cloudmarket.ordering.domain.OrderStatus;
import org.cloudmarket.ordering.domain.OrderType;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.pricing.PlanPricing;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.subscription.domain.Change;
import org.cloudmarket.subscription.domain.ChangeOutcome;
import org.cloudmarket.subscription.domain.PlanChange;
import org.cloudmarket.subscription.domain.PriceSnapshot;
import org.cloudmarket.subscription.domain.PricedChange;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.subscription.service.Lifecycle;
import org.cloudmarket.tenancy.domain.Organization;

/**
 * SYNDICATED_UPGRADE: another plan of the product its storefront sells today; dearer per hour at once
 * for the time left (PAID, a new commitment window, the coupon stops applying), cheaper DEFERRED.
 */
@Dependent
class PlanChanges {

    @Inject
    private EntityManager entityManager;

    @Inject
    private ChangeOrders orders;

    @Inject
    private Lifecycle lifecycle;

    @Inject
    private StorefrontPricing storefrontPricing;

    @Inject
    private ChangeProceeds proceeds;

    @Inject
    private Clock clock;

    @Inject
    private UsageResets usageResets;

    /** Another plan of the subscription's product. */
    Plan newPlan(Subscription subscription, ChangeCommand command) {
        long planId = Optional.ofNullable(command.planId()).orElseThrow(() -> new InvalidInput("planId", "planId names the new plan"));
        Plan plan = entityManager.find(Plan.class, planId);
        if (plan == null || plan.getProduct().getId() != subscription.getProductId() || planId == subscription.getPlanId()) {
            throw new InvalidInput("planId", "planId is another plan of the subscription's product");
        }
        return plan;
    }

    OrderView change(User user, Subscription subscription, ChangeCommand command, String reason, Order approved) {
        Plan plan = newPlan(subscription, command);
        long planId = plan.getId();
        LevelPrices current = chain(subscription).levelPrices(plan)
                .orElseThrow(() -> new InvalidInput("planId", "The subscription's storefront does not sell this plan"));
        PriceSnapshot old = PriceSnapshot.fromJson(subscription.getPrices());
        if (!current.sellOut().license().currency().equals(subscription.getCurrency())) {
            throw new InvalidInput("planId", "The plan is sold in " + current.sellOut().license().currency() + ", the subscription in "
                    + subscription.getCurrency());
        }
        PlanPricing sellIn = current.sellIn() != null ? current.sellIn() : current.wholesale();
        PriceSnapshot next = new PriceSnapshot(current.vendor(), current.wholesale(), sellIn, current.sellOut(),
                old.marketplaceCurrency(), old.orderCurrency(), old.exchangeRate());
        Map<String, Long> quantities = subscription.getExtraResources().byCode();
        BillingPeriod period = orders.period(subscription);
        Instant at = clock.instant();
        PricedChange sellOut = PlanChange.price(old.sellOut(), next.sellOut(), quantities, period, at);
        Order order = approved != null ? approved : orders.newOrder(user, subscription, OrderType.SYNDICATED_UPGRADE, planId,
                subscription.getExtraResources());
        if (sellOut.outcome() == ChangeOutcome.DEFERRED) {
            orders.price(order, List.of(), old, subscription);
            orders.save(order);
            order.moveTo(OrderStatus.DEFERRED);
            lifecycle.record(subscription, reason, order.getId(), new Change.NextPlan(planId));
            return OrderView.of(order, List.of(), true);
        }
        ChangeProceeds.Levels levels = new ChangeProceeds.Levels(
                PlanChange.price(old.vendor(), next.vendor(), quantities, period, at),
                PlanChange.price(old.wholesale(), next.wholesale(), quantities, period, at),
                PlanChange.price(old.sellIn(), next.sellIn(), quantities, period, at), sellOut);
        orders.price(order, List.of(sellOut), old, subscription);
        orders.save(order);
        List<Proceed> written = proceeds.write(subscription, order.getId(), planId, levels, orders.rate(subscription));
        order.moveTo(orders.settled(List.of(sellOut), false));
        // a plan change starts a new commitment window at the new plan's prices; the coupon stops applying
        // the old plan's gauges stop holding their last value from now on (before the plan changes: they are its metrics)
        usageResets.planChanged(subscription, subscription.getPlanId(), at);
        List<Change> changes = new ArrayList<>(List.of(new Change.Plan(planId, next.toJson(), at)));
        subscription.getCouponId().ifPresent(coupon -> changes.add(new Change.Coupon(null)));
        lifecycle.record(subscription, reason, order.getId(), changes.toArray(Change[]::new));
        orders.invoice(subscription, order, written);
        return OrderView.of(order, List.of(), true);
    }

    /** The prices the subscription's storefront sells at today: its seller's, or the marketplace's own. */
    private StorefrontChain chain(Subscription subscription) {
        return subscription.getSellerId().map(id -> entityManager.find(Organization.class, id))
                .map(storefrontPricing::forOwner).orElseGet(storefrontPricing::current);
    }
}
