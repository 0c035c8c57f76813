package org.cloudmarket.ordering.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.cloudmarket.billing.domain.Proceed;
import org.cloudmarket.billing.domain.ProrationItem;
import org.cloudmarket.billing.service.ChangeInvoices;
import org.cloudmarket.billing.service.ChangeProceeds;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.channel.service.LevelPrices;
import org.cloudmarket.channel.service.StorefrontChain;
import org.cloudmarket.channel.service.StorefrontPricing;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.ordering.domain.Order;
import org.cloudmarket.ordering.domain.OrderLine;
import org.cloudmarket.ordering.domain.OrderSource;
import org.cloudmarket.ordering.domain.OrderStatus;
import org.cloudmarket.ordering.domain.OrderType;
import org.cloudmarket.ordering.domain.SaleActors;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.pricing.PlanPricing;
import org.cloudmarket.pricing.QuoteLine;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.Forbidden;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.subscription.domain.Change;
import org.cloudmarket.subscription.domain.ChangeOutcome;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.PartyScope;
import org.cloudmarket.subscription.domain.PlanChange;
import org.cloudmarket.subscription.domain.PriceSnapshot;
import org.cloudmarket.subscription.domain.PricedChange;
import org.cloudmarket.subscription.domain.ProrationLine;
import org.cloudmarket.subscription.domain.Quantities;
import org.cloudmarket.subscription.domain.QuantityChange;
import org.cloudmarket.subscription.domain.QuantityTargets;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.subscription.service.PartyScopes;
import org.cloudmarket.subscription.service.Provisioning;
import org.cloudmarket.subscription.service.Subscriptions;
import org.cloudmarket.subscription.service.Lifecycle;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.Tenant;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.subscription.domain.SubscriptionType;

/**
 * Changes of a live subscription (DOMAIN.md, Changes), each an order of its own type: prepaid
 * extra resources up at once with a proration pair, down at the next period start (DEFERRED); a
 * plan change to a dearer plan at once for the time left (PAID), to a cheaper one DEFERRED;
 * UNSUBSCRIBE (auto-renew off, FREE); TERMINATION at once (UNDEPLOY_SENT, then UNDEPLOYED; prepaid
 * time is not refunded, FREE). Every change goes through {@link Lifecycle#record} with the change
 * order's id and the reason. Asked by the subscription's customer, its seller, or the tenant's ADMIN.
 */
@Stateless
@PermitAll
public class SubscriptionChanges {

    @Inject
    private EntityManager entityManager;

    @Inject
    private Caller caller;

    @Inject
    private PartyScopes scopes;

    @Inject
    private Subscriptions subscriptions;

    @Inject
    private Lifecycle lifecycle;

    @Inject
    private Provisioning provisioning;

    @Inject
    private StorefrontPricing storefrontPricing;

    @Inject
    private ChangeProceeds proceeds;

    @Inject
    private ChangeInvoices invoices;

    @Inject
    private Clock clock;

    @Inject
    private TenantContext tenantContext;

    public OrderView change(long subscriptionId, ChangeCommand command) {
        User user = caller.user();
        PartyScope scope = scopes.ofCaller();
        Subscription subscription = subscriptions.inScope(subscriptionId, scope);
        requireAllowed(user, subscription);
        OrderType type = command.type();
        if (type == null || !type.isChange()) {
            throw new InvalidInput("type", "type is BILLING_ITEM_UPGRADE, SYNDICATED_UPGRADE, UNSUBSCRIBE or TERMINATION");
        }
        requireLive(subscription, type);
        requireBilled(subscription, type);
        String reason = command.reason() == null || command.reason().isBlank() ? type.name() : command.reason().strip();
        if (reason.length() > 500) {
            throw new InvalidInput("reason", "reason is at most 500 characters");
        }
        if ((type == OrderType.BILLING_ITEM_UPGRADE || type == OrderType.SYNDICATED_UPGRADE) && needsApproval(user, subscription, command)) {
            return waiting(user, subscription, command);
        }
        return switch (type) {
            case BILLING_ITEM_UPGRADE -> quantities(user, subscription, command, reason, null);
            case SYNDICATED_UPGRADE -> plan(user, subscription, command, reason, null);
            case UNSUBSCRIBE -> unsubscribe(user, subscription, reason);
            case TERMINATION -> terminate(user, subscription, reason);
            default -> throw new IllegalStateException(type.name());
        };
    }

    /** The customer itself, the seller that sold it, or the tenant's ADMIN; others who see it only read it. */
    private static void requireAllowed(User user, Subscription subscription) {
        SaleActors.Sale sale = new SaleActors.Sale(subscription.getCustomerId().orElse(null), subscription.getSellerId().orElse(null),
                false, subscription.getVendorId());
        if (!SaleActors.changes(new SaleActors.Actor(user.getRole(), user.getOrganization().map(Organization::getId).orElse(null)), sale)) {
            throw new Forbidden("Only the customer, its seller or the marketplace's admin changes a subscription");
        }
    }

    /**
     * A change request waits for the auditor by the purchases' one rule ({@link Orders#needsApproval}), with the
     * plan it would move to. UNSUBSCRIBE and TERMINATION never wait: the customer may always stop paying or leave.
     */
    private boolean needsApproval(User user, Subscription subscription, ChangeCommand command) {
        Tenant tenant = entityManager.find(Tenant.class, tenantContext.requireTenantId());
        List<Plan> involved = command.type() == OrderType.SYNDICATED_UPGRADE && command.planId() != null
                ? Optional.ofNullable(entityManager.find(Plan.class, command.planId())).stream().toList() : List.of();
        return Orders.needsApproval(entityManager.find(Plan.class, subscription.getPlanId()), involved, source(user, subscription),
                OrderingSettings.of(tenant.getSettings()));
    }

    /**
     * The change's order, checked as far as it can be now and kept in REQUIRES_APPROVAL with what was asked
     * (the quantities, the plan); nothing is priced, billed or changed until the auditor approves it.
     */
    private OrderView waiting(User user, Subscription subscription, ChangeCommand command) {
        Quantities asked = subscription.getExtraResources();
        long planId = subscription.getPlanId();
        if (command.type() == OrderType.BILLING_ITEM_UPGRADE) {
            Map<String, Long> wanted = wanted(command);
            QuantityTargets.of(subscription.getExtraResources(), wanted);
            PriceSnapshot prices = PriceSnapshot.fromJson(subscription.getPrices());
            wanted.keySet().forEach(code -> prices.sellOut().prepaidResource(code));
            asked = new Quantities(wanted);
        } else {
            planId = newPlan(subscription, command).getId();
        }
        period(subscription);
        Order order = newOrder(user, subscription, command.type(), planId, asked);
        price(order, List.of(), PriceSnapshot.fromJson(subscription.getPrices()), subscription);
        order.moveTo(OrderStatus.REQUIRES_APPROVAL);
        save(order);
        return OrderView.of(order, List.of(), true);
    }

    /**
     * An approved change request (Orders.approve, after its auditor's check) applied now, priced at the window's
     * prices of now and invoiced as a change asked now would be; the order ends PAID, DEFERRED or FREE.
     */
    public void applyApproved(Order order) {
        Subscription subscription = entityManager.find(Subscription.class, order.getSubscriptionId()
                .orElseThrow(() -> new Conflict("Order " + order.getId() + " has no subscription")));
        requireLive(subscription, order.getType());
        String reason = "Order " + order.getId() + " approved";
        User user = caller.user();
        if (order.getType() == OrderType.BILLING_ITEM_UPGRADE) {
            quantities(user, subscription, new ChangeCommand(order.getType(), order.getExtraResources().byCode(), null, reason), reason, order);
        } else {
            plan(user, subscription, new ChangeCommand(order.getType(), Map.of(), order.getPlanId(), reason), reason, order);
        }
    }

    /** Trials and sandboxes are billed to nobody: they take no paid change, only their TERMINATION (409 otherwise). */
    private static void requireBilled(Subscription subscription, OrderType type) {
        if (subscription.getType() != SubscriptionType.NORMAL && type != OrderType.TERMINATION) {
            throw new Conflict("A " + subscription.getType() + " subscription is billed to nobody: it takes only a TERMINATION, not a "
                    + type);
        }
    }

    /** Live: DEPLOYED; a suspended (STOPPED) one may only be terminated. */
    private static void requireLive(Subscription subscription, OrderType type) {
        DeploymentStatus status = subscription.getDeploymentStatus();
        boolean live = status == DeploymentStatus.DEPLOYED || (status == DeploymentStatus.STOPPED && type == OrderType.TERMINATION);
        if (!live) {
            throw new Conflict("A subscription " + status + " cannot take a " + type + " order");
        }
    }

    private static Map<String, Long> wanted(ChangeCommand command) {
        return Optional.ofNullable(command.extraResources()).filter(map -> !map.isEmpty())
                .orElseThrow(() -> new InvalidInput("extraResources", "extraResources names the new quantities"));
    }

    /** {@code approved}: the change request's order once approved, else null (a new order). */
    private OrderView quantities(User user, Subscription subscription, ChangeCommand command, String reason, Order approved) {
        Map<String, Long> wanted = wanted(command);
        QuantityTargets targets = QuantityTargets.of(subscription.getExtraResources(), wanted);
        PriceSnapshot prices = PriceSnapshot.fromJson(subscription.getPrices());
        wanted.keySet().forEach(code -> prices.sellOut().prepaidResource(code)); // 422 for an unknown or pay-as-you-go code
        BillingPeriod period = period(subscription);
        Instant at = clock.instant();
        Order order = approved != null ? approved : newOrder(user, subscription, OrderType.BILLING_ITEM_UPGRADE, subscription.getPlanId(),
                targets.next() != null ? targets.next() : targets.now());
        List<PricedChange> sellOut = new ArrayList<>();
        List<ChangeProceeds.Levels> levels = new ArrayList<>();
        for (QuantityTargets.Increase increase : targets.increases()) {
            // each at the window's prices, at every level of the chain
            Function<PlanPricing, PricedChange> priced = plan -> QuantityChange.price(plan.prepaidResource(increase.code()),
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
        price(order, sellOut, prices, subscription);
        save(order);
        List<Proceed> written = new ArrayList<>();
        levels.forEach(level -> written.addAll(proceeds.write(subscription, order.getId(), subscription.getPlanId(), level,
                rate(subscription))));
        order.moveTo(settled(sellOut, targets.next() != null));
        lifecycle.record(subscription, reason, order.getId(), changes.toArray(Change[]::new));
        invoice(subscription, order, written);
        return OrderView.of(order, List.of(), true);
    }

    /** Another plan of the subscription's product. */
    private Plan newPlan(Subscription subscription, ChangeCommand command) {
        long planId = Optional.ofNullable(command.planId()).orElseThrow(() -> new InvalidInput("planId", "planId names the new plan"));
        Plan plan = entityManager.find(Plan.class, planId);
        if (plan == null || plan.getProduct().getId() != subscription.getProductId() || planId == subscription.getPlanId()) {
            throw new InvalidInput("planId", "planId is another plan of the subscription's product");
        }
        return plan;
    }

    private OrderView plan(User user, Subscription subscription, ChangeCommand command, String reason, Order approved) {
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
        BillingPeriod period = period(subscription);
        Instant at = clock.instant();
        PricedChange sellOut = PlanChange.price(old.sellOut(), next.sellOut(), quantities, period, at);
        Order order = approved != null ? approved : newOrder(user, subscription, OrderType.SYNDICATED_UPGRADE, planId,
                subscription.getExtraResources());
        if (sellOut.outcome() == ChangeOutcome.DEFERRED) {
            price(order, List.of(), old, subscription);
            save(order);
            order.moveTo(OrderStatus.DEFERRED);
            lifecycle.record(subscription, reason, order.getId(), new Change.NextPlan(planId));
            return OrderView.of(order, List.of(), true);
        }
        ChangeProceeds.Levels levels = new ChangeProceeds.Levels(
                PlanChange.price(old.vendor(), next.vendor(), quantities, period, at),
                PlanChange.price(old.wholesale(), next.wholesale(), quantities, period, at),
                PlanChange.price(old.sellIn(), next.sellIn(), quantities, period, at), sellOut);
        price(order, List.of(sellOut), old, subscription);
        save(order);
        List<Proceed> written = proceeds.write(subscription, order.getId(), planId, levels, rate(subscription));
        order.moveTo(settled(List.of(sellOut), false));
        // a plan change starts a new commitment window at the new plan's prices; the coupon stops applying
        List<Change> changes = new ArrayList<>(List.of(new Change.Plan(planId, next.toJson(), at)));
        subscription.getCouponId().ifPresent(coupon -> changes.add(new Change.Coupon(null)));
        lifecycle.record(subscription, reason, order.getId(), changes.toArray(Change[]::new));
        invoice(subscription, order, written);
        return OrderView.of(order, List.of(), true);
    }

    /** A PAID change is invoiced now, from its proceeds; the order keeps the invoice's id. */
    private void invoice(Subscription subscription, Order order, List<Proceed> written) {
        if (order.getStatus() == OrderStatus.PAID) {
            invoices.issue(subscription, order.getId(), written).ifPresent(invoice -> order.invoicedBy(invoice.getId()));
        }
    }

    private OrderView unsubscribe(User user, Subscription subscription, String reason) {
        if (!subscription.isAutoRenew()) {
            throw new Conflict("Subscription " + subscription.getId() + " renews no more already");
        }
        Order order = free(user, subscription, OrderType.UNSUBSCRIBE);
        lifecycle.record(subscription, reason, order.getId(), new Change.AutoRenew(false));
        return OrderView.of(order, List.of(), true);
    }

    /** At once; the platform provisions every plan today, so it is undeployed at once too. Prepaid time is not refunded. */
    private OrderView terminate(User user, Subscription subscription, String reason) {
        Order order = free(user, subscription, OrderType.TERMINATION);
        lifecycle.record(subscription, reason, order.getId(), new Change.Status(DeploymentStatus.UNDEPLOY_SENT));
        provisioning.end(subscription, order.getId());
        return OrderView.of(order, List.of(), true);
    }

    private Order free(User user, Subscription subscription, OrderType type) {
        Order order = newOrder(user, subscription, type, subscription.getPlanId(), subscription.getExtraResources());
        price(order, List.of(), PriceSnapshot.fromJson(subscription.getPrices()), subscription);
        order.moveTo(OrderStatus.FREE);
        return save(order);
    }

    /** The change's order, priced by the caller and then saved. */
    private Order newOrder(User user, Subscription subscription, OrderType type, long planId, Quantities quantities) {
        Order order = new Order(type, OrderStatus.PLACED, new Order.Parties(source(user, subscription),
                subscription.getCustomerId().orElse(null), subscription.getSellerId().orElse(null),
                subscription.getStorefrontId().orElse(null), subscription.getVendorId(), subscription.getProductId(), planId, user.getId()),
                subscription.getDuration(), quantities, clock.instant(), null, clock.instant());
        order.attach(subscription.getId());
        return order;
    }

    /** The customer's own change is a pull, its seller's (or the marketplace's) a push. */
    private static OrderSource source(User user, Subscription subscription) {
        return user.getOrganization().map(Organization::getId).equals(subscription.getCustomerId()) ? OrderSource.PULL : OrderSource.PUSH;
    }

    /** Persisted once priced, so that its id keys the proceeds and the changelog. */
    private Order save(Order order) {
        entityManager.persist(order);
        entityManager.flush();
        return order;
    }

    /** The order's lines are the sell-out proration lines, each with the chain's unit prices left to the proceeds. */
    private static void price(Order order, List<PricedChange> changes, PriceSnapshot prices, Subscription subscription) {
        List<OrderLine.Priced> lines = new ArrayList<>();
        for (PricedChange change : changes) {
            for (ProrationLine line : change.lines()) {
                QuoteLine.Type type = line.component().startsWith("extra:") ? QuoteLine.Type.EXTRA_RESOURCE : QuoteLine.Type.LICENSE;
                ProrationItem item = ProrationItem.of(line);
                lines.add(new OrderLine.Priced(type, line.component(), item.description(), item.quantity(), item.unitPrice(), item.amount(),
                        null, null, null));
            }
        }
        order.price(lines, subscription.getCurrency(), prices.marketplaceCurrency(), subscription.getExchangeRate().orElse(null),
                subscription.getCouponId().orElse(null));
    }

    private static OrderStatus settled(List<PricedChange> changes, boolean deferred) {
        if (changes.stream().anyMatch(change -> change.outcome() == ChangeOutcome.PAID)) {
            return OrderStatus.PAID;
        }
        return deferred ? OrderStatus.DEFERRED : OrderStatus.FREE;
    }

    /** A level whose plan lacks the resource (a reseller's own service, sold at sell-out only) has no amount there. */
    private static PricedChange level(PlanPricing plan, Function<PlanPricing, PricedChange> priced) {
        try {
            return priced.apply(plan);
        } catch (InvalidInput notAtThisLevel) {
            return null;
        }
    }

    /** The current period; one already over waits for the recurring billing to open the next (409), never a charge outside it. */
    private BillingPeriod period(Subscription subscription) {
        Instant at = clock.instant();
        if (at.isBefore(subscription.getPeriodStart()) || !at.isBefore(subscription.getPeriodEnd())) {
            throw new Conflict("Subscription " + subscription.getId() + " is between billing periods; try again once the next one is billed");
        }
        return new BillingPeriod(subscription.getPeriodStart(), subscription.getPeriodEnd());
    }

    private static BigDecimal rate(Subscription subscription) {
        return subscription.getExchangeRate().orElse(null);
    }

    /** The prices the subscription's storefront sells at today: its seller's, or the marketplace's own. */
    private StorefrontChain chain(Subscription subscription) {
        return subscription.getSellerId().map(id -> entityManager.find(Organization.class, id))
                .map(storefrontPricing::forOwner).orElseGet(storefrontPricing::current);
    }
}
