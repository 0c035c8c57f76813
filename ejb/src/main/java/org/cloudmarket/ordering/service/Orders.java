package org.cloudmarket.ordering.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cloudmarket.catalog.domain.PaymentMethod;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.catalog.domain.ProductKind;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.ordering.domain.Coupon;
import org.cloudmarket.ordering.domain.CouponRedemption;
import org.cloudmarket.ordering.domain.Order;
import org.cloudmarket.ordering.domain.OrderStatus;
import org.cloudmarket.ordering.domain.OrderType;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.paging.Page;
import org.cloudmarket.shared.paging.PageRequest;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.PartyScope;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.subscription.service.Lifecycle;
import org.cloudmarket.subscription.service.PartyScopes;
import org.cloudmarket.subscription.service.Provisioning;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * Purchases (issue 11): a customer's pull order on its seller's storefront, a seller's push order
 * for one of its own customers, a trial, a vendor's sandbox; their approval or rejection; and the
 * orders a caller may see. Every check runs before anything is written, and one transaction holds
 * the whole purchase (coupon use, orders, subscriptions, trial use, first invoice): a refusal leaves
 * nothing behind.
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.VENDOR, Role.Names.DISTRIBUTOR, Role.Names.RESELLER,
        Role.Names.CUSTOMER})
public class Orders {

    private static final int MAX_REASON = 1000;

    @Inject
    private EntityManager entityManager;

    @Inject
    private Caller caller;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private OrderPricing pricing;

    @Inject
    private Buyers buyers;

    @Inject
    private Eligibility eligibility;

    @Inject
    private Trials trials;

    @Inject
    private OrderRows rows;

    @Inject
    private Approvals approvals;

    @Inject
    private OrderList orderList;

    @Inject
    private CouponUses couponUses;

    @Inject
    private Lifecycle lifecycle;

    @Inject
    private Provisioning provisioning;

    @Inject
    private PartyScopes partyScopes;

    @Inject
    private OrderMails mails;

    @Inject
    private Clock clock;

    /** Who acts: the caller; {@link ActingOrders} (the demo's, at startup, with no caller) names its user. */
    User actor() {
        return caller.user();
    }

    private PartyScope actorScope() {
        return partyScopes.of(actor());
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.VENDOR, Role.Names.RESELLER, Role.Names.CUSTOMER})
    public OrderView place(PlaceOrder command) {
        User user = actor();
        Tenant tenant = entityManager.find(Tenant.class, tenantContext.requireTenantId());
        ZoneId zone = tenant.getTimeZone();
        Instant now = clock.instant();
        OrderingSettings settings = OrderingSettings.of(tenant.getSettings());
        OrderType type = command.type();
        if (!type.isPurchase()) {
            throw new InvalidInput("type", "type is NORMAL, TRIAL or SANDBOX (changes go to /subscriptions/{id}/changes)");
        }
        Buyer buyer = type == OrderType.SANDBOX ? buyers.sandboxer(user, command) : buyers.buyer(user, command);
        Plan plan = eligibility.soldPlan(command.planId(), buyer, type == OrderType.SANDBOX, user);
        if (command.duration() == null) {
            throw new InvalidInput("duration", "duration is required");
        }
        Instant start = OrderPricing.startOf(command.start(), zone, now);
        boolean bundle = plan.getProduct().getKind() == ProductKind.BUNDLE;
        Optional<Coupon> coupon = pricing.coupon(command.couponCode(), plan, buyer.chain());
        if (bundle && (!command.extraResources().isEmpty() || coupon.isPresent())) {
            throw new InvalidInput(coupon.isPresent() ? "couponCode" : "extraResources",
                    "A bundle is priced by its plans alone: no extra resources or coupon");
        }
        coupon.ifPresent(found -> eligibility.requireTarget(found, buyer.customer()));
        int trialDays = type == OrderType.TRIAL ? trials.trialDays(plan, bundle, coupon, buyer.customer()) : 0;
        if (type == OrderType.TRIAL) {
            Trials.requireBillingDetails(plan, buyer.customer());
        }
        if (type != OrderType.TRIAL && coupon.map(found -> found.getEffect() == Coupon.Effect.EXTENDED_TRIAL).orElse(false)) {
            throw new InvalidInput("couponCode", "Coupon " + coupon.get().getCode() + " extends trials: order a TRIAL with it");
        }
        PaymentMethod method = type == OrderType.NORMAL ? Eligibility.paymentMethod(command.paymentMethod(), plan, settings) : null;
        List<OrderPricing.Priced> priced = bundle ? pricing.priceBundle(plan, buyer.chain(), command.duration(), now)
                : List.of(pricing.price(plan, buyer.chain(), command.duration(), command.extraResources(),
                coupon.map(Coupon::pricing), now, zone, start));
        // a trial waits for its auditor too: it may turn into a paid subscription nobody approved otherwise
        boolean approval = type != OrderType.SANDBOX && Approvals.needsApproval(plan, priced.stream().map(OrderPricing.Priced::plan).toList(),
                buyer.source(), settings);
        OrderStatus status = approval ? OrderStatus.REQUIRES_APPROVAL
                : type == OrderType.NORMAL && command.start() != null && command.start().isAfter(LocalDate.ofInstant(now, zone))
                ? OrderStatus.POSTPONED : OrderStatus.PLACED;

        // every check passed: the coupon first (see CouponUses), then the rows
        coupon.ifPresent(couponUses::use);
        if (type == OrderType.TRIAL && coupon.isPresent()) {
            couponUses.spendTrialDay(coupon.get());
        }
        List<Order> orders = new ArrayList<>();
        List<Subscription> subscriptions = new ArrayList<>();
        for (OrderPricing.Priced part : priced) {
            Order order = rows.order(type, status, buyer, part, command, method, start, coupon, user, now);
            orders.add(order);
            if (bundle) {
                order.partOfBundle(orders.get(0).getId());
            }
        }
        Order first = orders.get(0);
        coupon.ifPresent(found -> entityManager.persist(new CouponRedemption(found.getId(), first.getId(),
                buyer.customer() == null ? null : buyer.customer().getId(), now)));
        if (type == OrderType.TRIAL) {
            trials.useTrial(buyer.customer(), plan.getProduct(), first, now);
        }
        DeploymentStatus initial = approval ? DeploymentStatus.REQUIRES_APPROVAL
                : type != OrderType.NORMAL ? DeploymentStatus.PENDING : DeploymentStatus.WAITING_PAYMENT;
        for (int i = 0; i < orders.size(); i++) {
            Subscription subscription = lifecycle.start(rows.subscription(type, initial, orders.get(i), priced.get(i), zone, trialDays,
                    bundle ? first.getId() : null), "Ordered: order " + orders.get(i).getId(), orders.get(i).getId());
            orders.get(i).attach(subscription.getId());
            subscriptions.add(subscription);
            if (initial == DeploymentStatus.PENDING) {
                // a trial or sandbox is billed to nobody; one starting on a later day waits for PostponedStarts
                provisioning.start(subscription, orders.get(i).getId());
            }
        }
        if (type == OrderType.NORMAL && !approval) {
            rows.bill(orders, subscriptions, coupon);
        }
        mails.placed(first, plan);
        return OrderView.of(first, bundle ? orders.stream().map(Order::getId).toList() : List.of(), true);
    }

    /** The orders the caller may see, newest first; a vendor's and a distributor's without the buyer's details. */
    public Page<OrderView> list(OrderQuery query) {
        return orderList.list(query, actorScope());
    }

    /**
     * The orders waiting for the caller's own decision (its approval queue), newest first, at most a page of
     * {@link PageRequest#MAX_LIMIT}: those it sees and is the auditor of, by the rule approve and reject apply.
     */
    public List<OrderView> awaitingDecision() {
        PartyScope scope = actorScope();
        User user = actor();
        OrderQuery waiting = new OrderQuery(new PageRequest(null, PageRequest.MAX_LIMIT), OrderStatus.REQUIRES_APPROVAL, null, null, null);
        return orderList.rows(waiting, scope).stream().limit(PageRequest.MAX_LIMIT).filter(order -> approvals.decides(user, order))
                .map(order -> orderList.view(order, scope)).toList();
    }

    public OrderView read(long id) {
        PartyScope scope = actorScope();
        return orderList.view(orderList.visible(id, scope), scope);
    }

    /** The auditor lets the order (and the rest of its bundle) go on (Approvals). */
    public OrderView approve(long id) {
        PartyScope scope = actorScope();
        Order order = approvals.decidable(id, actor(), scope);
        approvals.approve(order, actor());
        return orderList.view(order, scope);
    }

    /** The auditor refuses the order (and the rest of its bundle), with a reason the customer is told; nothing is ever billed. */
    public OrderView reject(long id, String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
            throw new InvalidInput("reason", "A rejection gives its reason, at most " + MAX_REASON + " characters");
        }
        PartyScope scope = actorScope();
        Order order = approvals.decidable(id, actor(), scope);
        approvals.reject(order, reason.strip(), actor());
        return orderList.view(order, scope);
    }
}
