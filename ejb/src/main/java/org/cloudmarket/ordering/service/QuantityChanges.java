package org.cloudmarket.ordering.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.cloudmarket.billing.domain.Proceed;
import org.cloudmarket.billing.service.ChangeProceeds;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.ordering.domain.Order;
import org.cloudmarket.ordering.domain.OrderType;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.pricing.PlanPricing;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.subscription.domain.Change;
import org.cloudmarket.subscription.domain.PriceSnapshot;
import org.cloudmarket.subscription.domain.PricedChange;
import org.cloudmarket.subscription.domain.QuantityChange;
import org.cloudmarket.subscription.domain.QuantityTargets;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.subscription.service.Lifecycle;

/**
 * BILLING_ITEM_UPGRADE: chosen extra resources up at once, down at the next period start (DEFERRED);
 * a prepaid one's increase is prorated at the window's prices at every level (a proration pair), a
 * post-paid one's is not (it is billed at the period's end); nothing changed is FREE.
 */
@Dependent
class QuantityChanges {

    @Inject
    private ChangeOrders orders;

    @Inject
    private Lifecycle lifecycle;

    @Inject
    private ChangeProceeds proceeds;

    @Inject
    private Clock clock;

    static Map<String, Long> wanted(ChangeCommand command) {
        return Optional.ofNullable(command.extraResources()).filter(map -> !map.isEmpty())
                .orElseThrow(() -> new InvalidInput("extraResources", "extraResources names the new quantities"));
    }

    /** {@code approved}: the change request's order once approved, else null (a new order). */
    OrderView change(User user, Subscription subscription, ChangeCommand command, String reason, Order approved) {
        Map<String, Long> wanted = wanted(command);
        QuantityTargets targets = QuantityTargets.of(subscription.getExtraResources(), wanted);
        PriceSnapshot prices = PriceSnapshot.fromJson(subscription.getPrices());
        wanted.keySet().forEach(code -> prices.sellOut().chosenResource(code)); // 422 for an unknown or pay-as-you-go code
        BillingPeriod period = orders.period(subscription);
        Instant at = clock.instant();
        Order order = approved != null ? approved : orders.newOrder(user, subscription, OrderType.BILLING_ITEM_UPGRADE, subscription.getPlanId(),
                targets.next() != null ? targets.next() : targets.now());
        List<PricedChange> sellOut = new ArrayList<>();
        List<ChangeProceeds.Levels> levels = new ArrayList<>();
        for (QuantityTargets.Increase increase : targets.increases()) {
            if (!prices.sellOut().chosenResource(increase.code()).prepaid()) {
                continue; // post-paid: billed at the period's end for the quantity held, nothing to prorate now
            }
            // each at the window's prices, at every level of the chain
            Function<PlanPricing, PricedChange> priced = plan -> QuantityChange.price(plan.chosenResource(increase.code()),
                    plan.license().currency(), period, at, increase.from(), increase.to());
            PricedChange change = priced.apply(prices.sellOut());
            sellOut.add(change);
            levels.add(new ChangeProceeds.Levels(level(prices.vendor(), priced), level(prices.wholesale(), priced),
                    level(prices.sellIn(), priced), change));
        }
        List<Change> changes = new ArrayList<>();
        if (targets.changesNow(subscription.getExtraResources())) {
            changes.add(new Change.ExtraResources(targets.now()));
        }
        if (targets.next() != null) {
            changes.add(new Change.NextExtraResources(targets.next()));
        }
        orders.price(order, sellOut, prices, subscription);
        orders.save(order);
        List<Proceed> written = new ArrayList<>();
        levels.forEach(level -> written.addAll(proceeds.write(subscription, order.getId(), subscription.getPlanId(), level,
                orders.rate(subscription))));
        order.moveTo(orders.settled(sellOut, targets.next() != null));
        lifecycle.record(subscription, reason, order.getId(), changes.toArray(Change[]::new));
        orders.invoice(subscription, order, written);
        return OrderView.of(order, List.of(), true);
    }

    /** A level whose plan lacks the resource (a reseller's own service, sold at sell-out only) has no amount there. */
    private static PricedChange level(PlanPricing plan, Function<PlanPricing, PricedChange> priced) {
        try {
            return priced.apply(plan);
        } catch (InvalidInput notAtThisLevel) {
            return null;
        }
    }
}
