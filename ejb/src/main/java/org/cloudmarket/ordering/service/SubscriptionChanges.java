package org.cloudmarket.ordering.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.ordering.domain.Order;
import org.cloudmarket.ordering.domain.OrderStatus;
import org.cloudmarket.ordering.domain.OrderType;
import org.cloudmarket.metering.service.Quotas;
import org.cloudmarket.ordering.domain.SaleActors;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.Forbidden;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.subscription.domain.Change;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.PartyScope;
import org.cloudmarket.subscription.domain.PriceSnapshot;
import org.cloudmarket.subscription.domain.Quantities;
import org.cloudmarket.subscription.domain.QuantityTargets;
import org.cloudmarket.subscription.domain.StopReason;
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
 * order's id and the reason. Asked by the subscription's customer, its seller, or the tenant's ADMIN
 * (SaleActors.changes). The priced changes are QuantityChanges and PlanChanges over ChangeOrders; a
 * paid change of a plan needing approval waits for its auditor and is applied by {@link #applyApproved}.
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
    private TenantContext tenantContext;

    @Inject
    private ChangeOrders orders;

    @Inject
    private QuantityChanges quantityChanges;

    @Inject
    private PlanChanges planChanges;

    @Inject
    private Quotas quotas;

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
            case BILLING_ITEM_UPGRADE, SYNDICATED_UPGRADE -> priced(user, subscription, command, reason, null);
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
     * A change request waits for the auditor by the purchases' one rule ({@link Approvals#needsApproval}), with the
     * plan it would move to. UNSUBSCRIBE and TERMINATION never wait: the customer may always stop paying or leave.
     */
    private boolean needsApproval(User user, Subscription subscription, ChangeCommand command) {
        Tenant tenant = entityManager.find(Tenant.class, tenantContext.requireTenantId());
        List<Plan> involved = command.type() == OrderType.SYNDICATED_UPGRADE && command.planId() != null
                ? Optional.ofNullable(entityManager.find(Plan.class, command.planId())).stream().toList() : List.of();
        return Approvals.needsApproval(entityManager.find(Plan.class, subscription.getPlanId()), involved, orders.source(user, subscription),
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
            Map<String, Long> wanted = QuantityChanges.wanted(command);
            QuantityTargets.of(subscription.getExtraResources(), wanted);
            PriceSnapshot prices = PriceSnapshot.fromJson(subscription.getPrices());
            wanted.keySet().forEach(code -> prices.sellOut().chosenResource(code));
            asked = new Quantities(wanted);
        } else {
            planId = planChanges.newPlan(subscription, command).getId();
        }
        orders.period(subscription);
        Order order = orders.newOrder(user, subscription, command.type(), planId, asked);
        orders.price(order, List.of(), PriceSnapshot.fromJson(subscription.getPrices()), subscription);
        order.moveTo(OrderStatus.REQUIRES_APPROVAL);
        orders.save(order);
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
        ChangeCommand command = order.getType() == OrderType.BILLING_ITEM_UPGRADE
                ? new ChangeCommand(order.getType(), order.getExtraResources().byCode(), null, reason)
                : new ChangeCommand(order.getType(), Map.of(), order.getPlanId(), reason);
        priced(user, subscription, command, reason, order);
    }

    /**
     * A plan or extra-resource change applied (or deferred), then the subscription's quotas re-checked: one STOPPED
     * for QUOTA resumes when the change brought it under 100 % of its blocking quotas (Quotas.reconsider).
     */
    private OrderView priced(User user, Subscription subscription, ChangeCommand command, String reason, Order approved) {
        // the subscription's row first, as every intake and fold of its usage takes it before its series' rows: a plan change
        // writes closing readings on those series, and the other order would deadlock with a batch of readings
        // (EclipseLink's lock reads the row afresh: what changed since the checks above, a stop for QUOTA say, is checked again)
        entityManager.lock(subscription, LockModeType.PESSIMISTIC_WRITE);
        requireLive(subscription, command.type());
        OrderView view = command.type() == OrderType.BILLING_ITEM_UPGRADE
                ? quantityChanges.change(user, subscription, command, reason, approved)
                : planChanges.change(user, subscription, command, reason, approved);
        quotas.reconsider(subscription);
        return view;
    }

    /** Trials and sandboxes are billed to nobody: they take no paid change, only their TERMINATION (409 otherwise). */
    private static void requireBilled(Subscription subscription, OrderType type) {
        if (subscription.getType() != SubscriptionType.NORMAL && type != OrderType.TERMINATION) {
            throw new Conflict("A " + subscription.getType() + " subscription is billed to nobody: it takes only a TERMINATION, not a "
                    + type);
        }
    }

    /**
     * Live: DEPLOYED; a suspended (STOPPED) one may only be terminated, or, when a quota stopped it, upgraded (the way
     * out the quota mail offers).
     */
    private static void requireLive(Subscription subscription, OrderType type) {
        DeploymentStatus status = subscription.getDeploymentStatus();
        boolean stoppedForQuota = status == DeploymentStatus.STOPPED && subscription.getStopReason().orElse(null) == StopReason.QUOTA;
        // a quota is the plan's (its metrics'): only another plan lifts it, extra resources never do
        boolean live = status == DeploymentStatus.DEPLOYED || (status == DeploymentStatus.STOPPED && type == OrderType.TERMINATION)
                || (stoppedForQuota && type == OrderType.SYNDICATED_UPGRADE);
        if (stoppedForQuota && !live) {
            throw new Conflict("A subscription STOPPED for its QUOTA takes a SYNDICATED_UPGRADE (a plan with a bigger quota) or a TERMINATION,"
                    + " not a " + type + ": extra resources do not change a quota");
        }
        if (!live) {
            throw new Conflict("A subscription " + status + " cannot take a " + type + " order");
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
        Order order = orders.newOrder(user, subscription, type, subscription.getPlanId(), subscription.getExtraResources());
        orders.price(order, List.of(), PriceSnapshot.fromJson(subscription.getPrices()), subscription);
        order.moveTo(OrderStatus.FREE);
        return orders.save(order);
    }

}
