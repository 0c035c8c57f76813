package org.cloudmarket.ordering.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.ordering.domain.Coupon;
import org.cloudmarket.ordering.domain.CouponRedemption;
import org.cloudmarket.ordering.domain.Order;
import org.cloudmarket.ordering.domain.OrderSource;
import org.cloudmarket.ordering.domain.OrderType;
import org.cloudmarket.ordering.domain.SaleActors;
import org.cloudmarket.ordering.domain.TrialUse;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.Forbidden;
import org.cloudmarket.subscription.domain.Change;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.PartyScope;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.subscription.service.Lifecycle;
import org.cloudmarket.subscription.service.Provisioning;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;

/**
 * The approval workflow (DOMAIN.md): the one rule of what waits for an auditor, who decides
 * (SaleActors), and what an approval or a rejection does to the order and its subscriptions.
 */
@Dependent
class Approvals {

    @Inject
    private EntityManager entityManager;

    @Inject
    private OrderList list;

    @Inject
    private OrderRows rows;

    @Inject
    private CouponUses couponUses;

    @Inject
    private Lifecycle lifecycle;

    @Inject
    private Provisioning provisioning;

    @Inject
    private SubscriptionChanges changes;

    @Inject
    private OrderMails mails;

    @Inject
    private Clock clock;

    /**
     * An order waiting for the caller's decision: the reseller's when it came through its
     * storefront, the vendor's otherwise, and the tenant's staff's always. Who does not see it gets
     * a 404, who sees it but does not audit it a 403.
     */
    Order decidable(long id, User user, PartyScope scope) {
        Order order = list.visible(id, scope);
        if (!decides(user, order)) {
            throw new Forbidden("Order " + id + " is not yours to decide");
        }
        return order;
    }

    /** Whether the user is the order's auditor (SaleActors: the reseller on its storefront, the vendor otherwise, or staff). */
    boolean decides(User user, Order order) {
        Organization seller = order.getSellerId().map(sellerId -> entityManager.find(Organization.class, sellerId)).orElse(null);
        SaleActors.Sale sale = new SaleActors.Sale(order.getCustomerId().orElse(null), order.getSellerId().orElse(null),
                seller != null && seller.getKind() == OrganizationKind.RESELLER, order.getVendorId());
        return SaleActors.decides(new SaleActors.Actor(user.getRole(), user.getOrganization().map(Organization::getId).orElse(null)), sale);
    }

    /** Each decision is written at once: of two parallel decisions the order's version lets one win, the other is a 409. */
    private void decide(List<Order> orders, boolean approved, String reason, Instant now, User user) {
        long auditor = user.getId();
        orders.forEach(order -> order.decide(approved, auditor, reason, now));
        try {
            entityManager.flush();
        } catch (OptimisticLockException raced) {
            throw new Conflict("Order " + orders.get(0).getId() + " was decided meanwhile");
        }
    }

    /**
     * What a rejected purchase used is given back in the rejection's transaction: the coupon's use
     * (a one-time coupon may be used again), the extended trial's budget unit, the redemption row,
     * and the trial itself (a refused trial is not the customer's one trial of the product).
     */
    private void giveBack(Order order) {
        order.getCouponId().map(id -> entityManager.find(Coupon.class, id)).ifPresent(coupon -> {
            couponUses.giveBack(coupon);
            if (order.getType() == OrderType.TRIAL) {
                couponUses.giveBackTrialDay(coupon);
            }
        });
        entityManager.createQuery("DELETE FROM CouponRedemption r WHERE r.orderId = :order").setParameter("order", order.getId())
                .executeUpdate();
        if (order.getType() == OrderType.TRIAL) {
            entityManager.createQuery("DELETE FROM TrialUse t WHERE t.orderId = :order").setParameter("order", order.getId())
                    .executeUpdate();
        }
    }

    private Subscription subscriptionOf(Order order) {
        return entityManager.find(Subscription.class, order.getSubscriptionId()
                .orElseThrow(() -> new Conflict("Order " + order.getId() + " has no subscription")));
    }

    /**
     * The one approval rule of purchases and change requests: the plan's (or product's) flag, or that
     * of a plan the sale involves (a bundle's parts, a plan change's new plan), or the marketplace
     * switch; a seller's push order skips it when auto-approved.
     */
    static boolean needsApproval(Plan plan, List<Plan> involved, OrderSource source, OrderingSettings settings) {
        if (source == OrderSource.PUSH && settings.pushAutoApproval()) {
            return false;
        }
        return settings.approval() || plan.requiresApproval() || involved.stream().anyMatch(Plan::requiresApproval);
    }

    /**
     * A trial waits for its auditor without running: once approved it runs its whole length from the approval (or from its
     * later start), so a trial approved after the days it was ordered for is not converted, and invoiced, at once.
     */
    private static java.time.Instant trialStartOnceApproved(Subscription trial, java.time.Instant approvedAt) {
        // a trial's one period is the trial itself: [its start, its end)
        return approvedAt.isAfter(trial.getPeriodStart()) ? approvedAt : trial.getPeriodStart();
    }

    /** The auditor lets the order (and the rest of its bundle) go on: a purchase to WAITING_PAYMENT and its first invoice. */
    void approve(Order order, User user) {
        List<Order> orders = list.bundleOf(order);
        decide(orders, true, null, clock.instant(), user);
        Plan plan = entityManager.find(Plan.class, order.getPlanId());
        if (order.getType().isChange()) {
            changes.applyApproved(order); // a change request is applied and priced now, at the window's prices
        } else if (order.getType() == OrderType.TRIAL) {
            Subscription trial = subscriptionOf(order);
            java.time.Instant start = trialStartOnceApproved(trial, clock.instant());
            java.time.Instant end = start.plus(java.time.Duration.between(trial.getPeriodStart(), trial.getPeriodEnd()));
            lifecycle.record(trial, "Order " + order.getId() + " approved", order.getId(), new Change.Status(DeploymentStatus.PENDING),
                    new Change.Period(start, end), new Change.EndsAt(end), new Change.TrialEndsAt(end));
            provisioning.start(trial, order.getId()); // one starting on a later day waits for PostponedStarts
        } else {
            List<Subscription> subscriptions = new ArrayList<>();
            for (Order each : orders) {
                Subscription subscription = subscriptionOf(each);
                lifecycle.record(subscription, "Order " + each.getId() + " approved", each.getId(),
                        new Change.Status(DeploymentStatus.WAITING_PAYMENT));
                subscriptions.add(subscription);
            }
            Optional<Coupon> coupon = order.getCouponId().map(couponId -> entityManager.find(Coupon.class, couponId));
            rows.bill(orders, subscriptions, coupon);
        }
        mails.approved(order, plan);
    }

    /** The auditor refuses the order (and the rest of its bundle); nothing is ever billed, and what it used is given back. */
    void reject(Order order, String reason, User user) {
        List<Order> orders = list.bundleOf(order);
        decide(orders, false, reason, clock.instant(), user);
        if (!order.getType().isChange()) { // a refused change leaves its subscription as it was
            for (Order each : orders) {
                lifecycle.record(subscriptionOf(each), "Order " + each.getId() + " rejected: " + reason, each.getId(),
                        new Change.Status(DeploymentStatus.REJECTED));
            }
            giveBack(order);
        }
        mails.rejected(order, entityManager.find(Plan.class, order.getPlanId()), reason);
    }
}
