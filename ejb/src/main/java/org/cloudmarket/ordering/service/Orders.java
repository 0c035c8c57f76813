package org.cloudmarket.ordering.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cloudmarket.billing.service.FirstInvoiceRequest;
import org.cloudmarket.billing.service.FirstInvoices;
import org.cloudmarket.catalog.domain.PaymentMethod;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.catalog.domain.Product;
import org.cloudmarket.catalog.domain.ProductKind;
import org.cloudmarket.catalog.domain.ProductStatus;
import org.cloudmarket.catalog.domain.VendorRegistration;
import org.cloudmarket.catalog.domain.VendorStatus;
import org.cloudmarket.channel.service.StorefrontChain;
import org.cloudmarket.channel.service.StorefrontPricing;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.ordering.domain.Coupon;
import org.cloudmarket.ordering.domain.CouponRedemption;
import org.cloudmarket.ordering.domain.Order;
import org.cloudmarket.ordering.domain.OrderSource;
import org.cloudmarket.ordering.domain.OrderStatus;
import org.cloudmarket.ordering.domain.OrderType;
import org.cloudmarket.ordering.domain.TrialUse;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.Forbidden;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.shared.paging.Page;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.subscription.domain.BillingCycle;
import org.cloudmarket.subscription.domain.Change;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.PartyScope;
import org.cloudmarket.subscription.domain.PriceSnapshot;
import org.cloudmarket.subscription.domain.Quantities;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.subscription.domain.SubscriptionType;
import org.cloudmarket.subscription.domain.TrialTerms;
import org.cloudmarket.subscription.service.Lifecycle;
import org.cloudmarket.subscription.service.PartyScopes;
import org.cloudmarket.subscription.service.Provisioning;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;
import org.cloudmarket.tenancy.domain.Storefront;
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
    private StorefrontPricing storefrontPricing;

    @Inject
    private OrderPricing pricing;

    @Inject
    private CouponUses couponUses;

    @Inject
    private Lifecycle lifecycle;

    @Inject
    private Provisioning provisioning;

    @Inject
    private FirstInvoices firstInvoices;

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

    /** Who buys, from whom, where, and at which prices. */
    private record Buyer(OrderSource source, Organization customer, Organization seller, Storefront storefront,
                         StorefrontChain chain) {
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
        Buyer buyer = type == OrderType.SANDBOX ? sandboxer(user, command) : buyer(user, command);
        Plan plan = soldPlan(command.planId(), buyer, type == OrderType.SANDBOX);
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
        coupon.ifPresent(found -> requireTarget(found, buyer.customer()));
        int trialDays = type == OrderType.TRIAL ? trialDays(plan, bundle, coupon, buyer.customer()) : 0;
        if (type != OrderType.TRIAL && coupon.map(found -> found.getEffect() == Coupon.Effect.EXTENDED_TRIAL).orElse(false)) {
            throw new InvalidInput("couponCode", "Coupon " + coupon.get().getCode() + " extends trials: order a TRIAL with it");
        }
        PaymentMethod method = type == OrderType.NORMAL ? paymentMethod(command.paymentMethod(), plan, settings) : null;
        List<OrderPricing.Priced> priced = bundle ? pricing.priceBundle(plan, buyer.chain(), command.duration(), now)
                : List.of(pricing.price(plan, buyer.chain(), command.duration(), command.extraResources(),
                coupon.map(Coupon::pricing), now, zone, start));
        boolean approval = type == OrderType.NORMAL && needsApproval(plan, priced, buyer.source(), settings);
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
            Order order = order(type, status, buyer, part, command, method, start, coupon, user, now);
            orders.add(order);
            if (bundle) {
                order.partOfBundle(orders.get(0).getId());
            }
        }
        Order first = orders.get(0);
        coupon.ifPresent(found -> entityManager.persist(new CouponRedemption(found.getId(), first.getId(),
                buyer.customer() == null ? null : buyer.customer().getId(), now)));
        if (type == OrderType.TRIAL) {
            useTrial(buyer.customer(), plan.getProduct(), first, now);
        }
        DeploymentStatus initial = type != OrderType.NORMAL ? DeploymentStatus.PENDING
                : approval ? DeploymentStatus.REQUIRES_APPROVAL : DeploymentStatus.WAITING_PAYMENT;
        for (int i = 0; i < orders.size(); i++) {
            Subscription subscription = lifecycle.start(subscription(type, initial, orders.get(i), priced.get(i), zone, trialDays,
                    bundle ? first.getId() : null), "Ordered: order " + orders.get(i).getId(), orders.get(i).getId());
            orders.get(i).attach(subscription.getId());
            subscriptions.add(subscription);
            if (initial == DeploymentStatus.PENDING) {
                provisioning.start(subscription, orders.get(i).getId()); // a trial or sandbox is billed to nobody
            }
        }
        if (type == OrderType.NORMAL && !approval) {
            bill(orders, subscriptions, coupon, plan);
        }
        mails.placed(first, plan);
        return OrderView.of(first, bundle ? orders.stream().map(Order::getId).toList() : List.of(), true);
    }

    /** The orders the caller may see, newest first; a vendor's and a distributor's without payment details. */
    public Page<OrderView> list(OrderQuery query) {
        PartyScope scope = actorScope();
        StringBuilder jpql = new StringBuilder("SELECT o FROM Order o WHERE o.id < :before AND ").append(scope.jpql("o"));
        if (query.status() != null) {
            jpql.append(" AND o.status = :status");
        }
        if (query.type() != null) {
            jpql.append(" AND o.type = :type");
        }
        if (query.from() != null) {
            jpql.append(" AND o.createdAt >= :from");
        }
        if (query.to() != null) {
            jpql.append(" AND o.createdAt < :to");
        }
        TypedQuery<Order> rows = entityManager.createQuery(jpql.append(" ORDER BY o.id DESC").toString(), Order.class)
                .setParameter("before", query.page().beforeId()).setMaxResults(query.page().fetch());
        if (scope.bindsIds()) {
            rows.setParameter("scopeIds", scope.ids());
        }
        if (query.status() != null) {
            rows.setParameter("status", query.status());
        }
        if (query.type() != null) {
            rows.setParameter("type", query.type());
        }
        if (query.from() != null) {
            rows.setParameter("from", query.from());
        }
        if (query.to() != null) {
            rows.setParameter("to", query.to());
        }
        return Page.of(rows.getResultList(), query.page(), Order::getId, order -> view(order, scope));
    }

    public OrderView read(long id) {
        PartyScope scope = actorScope();
        return view(visible(id, scope), scope);
    }

    /** The auditor lets the order (and the rest of its bundle) go on: WAITING_PAYMENT, then its first invoice. */
    public OrderView approve(long id) {
        Order order = decidable(id);
        Instant now = clock.instant();
        List<Order> orders = bundleOf(order);
        decide(orders, true, null, now);
        List<Subscription> subscriptions = new ArrayList<>();
        for (Order each : orders) {
            Subscription subscription = subscriptionOf(each);
            lifecycle.record(subscription, "Order " + each.getId() + " approved", each.getId(),
                    new Change.Status(DeploymentStatus.WAITING_PAYMENT));
            subscriptions.add(subscription);
        }
        Plan plan = entityManager.find(Plan.class, order.getPlanId());
        Optional<Coupon> coupon = order.getCouponId().map(couponId -> entityManager.find(Coupon.class, couponId));
        bill(orders, subscriptions, coupon, plan);
        mails.approved(order, plan);
        return view(order, actorScope());
    }

    /** The auditor refuses the order (and the rest of its bundle), with a reason the customer is told; nothing is ever billed. */
    public OrderView reject(long id, String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
            throw new InvalidInput("reason", "A rejection gives its reason, at most " + MAX_REASON + " characters");
        }
        Order order = decidable(id);
        List<Order> orders = bundleOf(order);
        decide(orders, false, reason.strip(), clock.instant());
        for (Order each : orders) {
            lifecycle.record(subscriptionOf(each), "Order " + each.getId() + " rejected: " + reason.strip(), each.getId(),
                    new Change.Status(DeploymentStatus.REJECTED));
        }
        mails.rejected(order, entityManager.find(Plan.class, order.getPlanId()), reason.strip());
        return view(order, actorScope());
    }

    // --- who buys ---

    private Buyer buyer(User user, PlaceOrder command) {
        Organization org = user.getOrganization().orElse(null);
        if (user.getRole() == Role.CUSTOMER && org != null) {
            return pullBuyer(user, org, command);
        }
        if (user.getRole() == Role.RESELLER && org != null) {
            Organization customer = customerOf(command.customerId(), org);
            Storefront storefront = entityManager.createNamedQuery(Storefront.OF_OWNER, Storefront.class).setParameter("owner", org)
                    .getResultStream().findFirst().orElseThrow(() -> new InvalidInput("customerId", "You run no storefront to sell on"));
            return new Buyer(OrderSource.PUSH, customer, org, storefront, storefrontPricing.forOwner(org));
        }
        if (user.getRole() == Role.ADMIN) {
            return new Buyer(OrderSource.PUSH, customerOf(command.customerId(), null), null, marketplaceStorefront(),
                    storefrontPricing.forOwner(null));
        }
        throw new Forbidden("Orders are placed by customers, by resellers and the marketplace for their customers, and by vendors"
                + " for a sandbox of their own plans");
    }

    /** A customer buys on its seller's storefront only (DOMAIN.md, Channel customers), with a verified e-mail. */
    private Buyer pullBuyer(User user, Organization org, PlaceOrder command) {
        if (command.customerId() != null && !command.customerId().equals(org.getId())) {
            throw new InvalidInput("customerId", "A customer orders for itself: leave customerId out");
        }
        Storefront storefront = tenantContext.storefrontId().map(id -> entityManager.find(Storefront.class, id))
                .orElseGet(this::marketplaceStorefront);
        if (!storefront.sellsTo(org)) {
            throw new InvalidInput("customerId", "You buy on the storefront of your seller, not on " + storefront.getName());
        }
        if (!user.isEmailVerified()) {
            throw new Forbidden("Confirm your e-mail address (see the mail we sent you) before you order");
        }
        return new Buyer(OrderSource.PULL, org, storefront.getOwner().orElse(null), storefront, storefrontPricing.current());
    }

    /** A vendor's own test of its plan, at its own prices, billed to nobody. */
    private Buyer sandboxer(User user, PlaceOrder command) {
        if (user.getRole() != Role.VENDOR || user.getOrganization().isEmpty()) {
            throw new InvalidInput("type", "A SANDBOX is a vendor's own test of its plan");
        }
        if (command.customerId() != null) {
            throw new InvalidInput("customerId", "A SANDBOX has no customer");
        }
        return new Buyer(OrderSource.PULL, null, null, marketplaceStorefront(), storefrontPricing.forOwner(null));
    }

    /** A seller's own customer: a reseller's under it, the tenant's under none; anyone else's is unknown. */
    private Organization customerOf(Long customerId, Organization seller) {
        if (customerId == null) {
            throw new InvalidInput("customerId", "A push order names the customer it is for");
        }
        Organization customer = entityManager.find(Organization.class, customerId);
        Long parent = customer == null ? null : customer.getParent().map(Organization::getId).orElse(null);
        boolean own = customer != null && customer.getKind() == OrganizationKind.CUSTOMER && customer.getClosedAt().isEmpty()
                && java.util.Objects.equals(parent, seller == null ? null : seller.getId());
        if (!own) {
            throw new InvalidInput("customerId", "There is no customer " + customerId + " of yours");
        }
        return customer;
    }

    private Storefront marketplaceStorefront() {
        return entityManager.createNamedQuery(Storefront.OF_MARKETPLACE, Storefront.class).getSingleResult();
    }

    // --- what is bought ---

    /**
     * The plan, when this storefront sells it: a published product of an approved vendor (or the
     * storefront's own reseller), priced by the chain, on a storefront that sells. Anything else is
     * the refusal of an unknown id. A sandbox is the vendor's own plan in any state but retired.
     */
    private Plan soldPlan(Long planId, Buyer buyer, boolean sandbox) {
        if (planId == null) {
            throw new InvalidInput("planId", "planId is required");
        }
        Plan plan = entityManager.find(Plan.class, planId);
        InvalidInput unknown = new InvalidInput("planId", "Plan " + planId + " is not sold on this storefront");
        if (plan == null) {
            throw unknown;
        }
        Product product = plan.getProduct();
        if (sandbox) {
            Long vendor = actor().getOrganization().map(Organization::getId).orElse(null);
            if (!product.getVendor().getId().equals(vendor) || product.getStatus() == ProductStatus.RETIRED
                    || product.getKind() == ProductKind.BUNDLE) {
                throw unknown;
            }
            return plan;
        }
        if (!buyer.storefront().getCatalogMode().sells()) {
            throw new InvalidInput("planId", buyer.storefront().getName() + " shows its catalog only: it takes no orders");
        }
        boolean vendorMaySell = product.getVendor().getKind() == OrganizationKind.RESELLER || approvedVendor(product.getVendor());
        boolean priced = product.getKind() == ProductKind.BUNDLE ? buyer.chain().bundle(plan).isPresent()
                : buyer.chain().levelPrices(plan).isPresent();
        if (product.getStatus() != ProductStatus.PUBLISHED || !vendorMaySell || !priced) {
            throw unknown;
        }
        return plan;
    }

    private boolean approvedVendor(Organization vendor) {
        return entityManager.createNamedQuery(VendorRegistration.OF_ORGANIZATION, VendorRegistration.class)
                .setParameter("organization", vendor.getId()).getResultStream()
                .anyMatch(registration -> registration.getStatus() == VendorStatus.APPROVED);
    }

    /** A coupon for one e-mail address is used by that address's organization only. */
    private void requireTarget(Coupon coupon, Organization customer) {
        if (coupon.getTargetEmail().isEmpty()) {
            return;
        }
        boolean theirs = customer != null && entityManager.createQuery(
                        "SELECT COUNT(u) FROM User u WHERE u.organization.id = :org AND u.email = :email", Long.class)
                .setParameter("org", customer.getId()).setParameter("email", coupon.getTargetEmail().get()).getSingleResult() > 0;
        if (!theirs) {
            throw new InvalidInput("couponCode", "Coupon " + coupon.getCode() + " is not yours to use");
        }
    }

    /**
     * The trial's length in days (TrialTerms: the plan's or product's length, an extended-trial
     * coupon's instead), when the plan offers one without a payment method and the customer never
     * had one of the product.
     */
    private int trialDays(Plan plan, boolean bundle, Optional<Coupon> coupon, Organization customer) {
        String name = plan.getProduct().getName();
        if (coupon.isPresent() && coupon.get().getEffect() != Coupon.Effect.EXTENDED_TRIAL) {
            throw new InvalidInput("couponCode", "A trial is free: only an extended-trial coupon applies to it");
        }
        TrialTerms terms = new TrialTerms(plan.getTrialMode(), plan.trialDays(), plan.isTrialConverts());
        if (coupon.isPresent()) {
            terms = terms.extendedBy((org.cloudmarket.pricing.Coupon.ExtendedTrial) coupon.get().pricing().effect());
        }
        TrialTerms.Decision decision = bundle ? TrialTerms.Decision.NOT_ALLOWED : terms.decide(hadTrial(customer, plan.getProduct()));
        if (decision == TrialTerms.Decision.NOT_ALLOWED) {
            throw new InvalidInput("type", name + " " + plan.getName() + " offers no trial");
        }
        if (terms.needsPaymentMethod()) {
            throw new InvalidInput("type", "The trial of " + name + " keeps a card for its end: it comes with card payments");
        }
        if (decision == TrialTerms.Decision.ALREADY_USED) {
            throw alreadyTried(plan.getProduct());
        }
        return terms.days();
    }

    private boolean hadTrial(Organization customer, Product product) {
        return entityManager.createQuery("SELECT COUNT(t) FROM TrialUse t WHERE t.customerId = :customer AND t.productId = :product",
                Long.class).setParameter("customer", customer.getId()).setParameter("product", product.getId()).getSingleResult() > 0;
    }

    private static InvalidInput alreadyTried(Product product) {
        return new InvalidInput("type", "You already had a trial of " + product.getName() + ": one per customer, ever");
    }

    /** The trial's row: its unique key (customer, product) turns the loser of two parallel trials into the same refusal. */
    private void useTrial(Organization customer, Product product, Order order, Instant now) {
        try {
            entityManager.persist(new TrialUse(customer.getId(), product.getId(), order.getId(), now));
            entityManager.flush();
        } catch (PersistenceException failed) {
            if (violatesAConstraint(failed)) {
                throw alreadyTried(product);
            }
            throw failed;
        }
    }

    private static boolean violatesAConstraint(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    /** BANK_TRANSFER unless another is asked for; it must suit the plan and the marketplace, and be implemented. */
    private static PaymentMethod paymentMethod(PaymentMethod asked, Plan plan, OrderingSettings settings) {
        PaymentMethod method = asked == null ? PaymentMethod.BANK_TRANSFER : asked;
        if (!plan.getPaymentMethods().contains(method) || !settings.paymentMethods().contains(method)) {
            throw new InvalidInput("paymentMethod", method + " is not accepted for " + plan.getProduct().getName() + " " + plan.getName());
        }
        if (method != PaymentMethod.BANK_TRANSFER) {
            throw new InvalidInput("paymentMethod", method + " payments are not available yet: pay by BANK_TRANSFER");
        }
        return method;
    }

    /** The plan's (or product's) flag or the marketplace switch; a seller's push order skips it when auto-approved. */
    private static boolean needsApproval(Plan plan, List<OrderPricing.Priced> priced, OrderSource source, OrderingSettings settings) {
        if (source == OrderSource.PUSH && settings.pushAutoApproval()) {
            return false;
        }
        return settings.approval() || plan.requiresApproval() || priced.stream().anyMatch(part -> part.plan().requiresApproval());
    }

    // --- what is written ---

    private Order order(OrderType type, OrderStatus status, Buyer buyer, OrderPricing.Priced part, PlaceOrder command,
                        PaymentMethod method, Instant start, Optional<Coupon> coupon, User user, Instant now) {
        Plan plan = part.plan();
        Order order = new Order(type, status, new Order.Parties(buyer.source(), buyer.customer() == null ? null : buyer.customer().getId(),
                buyer.seller() == null ? null : buyer.seller().getId(), buyer.storefront().getId(), plan.getProduct().getVendor().getId(),
                plan.getProduct().getId(), plan.getId(), user.getId()), command.duration(), new Quantities(command.extraResources()),
                start, method, now);
        order.price(part.lines(), part.currency(), part.marketplaceCurrency(), part.exchangeRate(), coupon.map(Coupon::getId).orElse(null));
        entityManager.persist(order);
        entityManager.flush(); // its id, for the bundle, the trial and the subscription
        return order;
    }

    private Subscription subscription(OrderType type, DeploymentStatus status, Order order, OrderPricing.Priced part, ZoneId zone,
                                      int trialDays, Long bundleOrderId) {
        Plan plan = part.plan();
        Instant start = order.getStartAt();
        Instant trialEnd = type == OrderType.TRIAL ? start.plus(Duration.ofDays(trialDays)) : null;
        BillingCycle cycle = BillingCycle.of(start, plan.getBillingUnit(), plan.getBillingFrequency(), zone);
        BillingPeriod period = trialEnd != null ? new BillingPeriod(start, trialEnd) : cycle.period(0);
        Instant endsAt = trialEnd != null ? trialEnd : cycle.windowEnd(order.getDuration());
        PriceSnapshot prices = new PriceSnapshot(part.levels().vendor(), part.levels().wholesale(), part.levels().sellIn(),
                part.levels().sellOut(), part.marketplaceCurrency(), part.currency(), part.rate());
        SubscriptionType subscriptionType = switch (type) {
            case TRIAL -> SubscriptionType.TRIAL;
            case SANDBOX -> SubscriptionType.SANDBOX;
            default -> SubscriptionType.NORMAL;
        };
        return new Subscription(subscriptionType, status, new Subscription.Parties(order.getCustomerId().orElse(null),
                order.getSellerId().orElse(null), order.getStorefrontId().orElse(null), order.getVendorId(), order.getProductId(),
                order.getPlanId(), order.getId(), bundleOrderId), order.getCurrency(), order.getExchangeRate().orElse(null),
                prices.toJson(), order.getExtraResources(), order.getCouponId().orElse(null),
                new Subscription.Window(order.getDuration(), cycle.anchor(), period.start(), period.end(), endsAt), plan.isAutoRenew(), trialEnd,
                type == OrderType.TRIAL && plan.isTrialConverts(), order.getCreatedAt());
    }

    /** Billing's first invoice for the order's subscriptions; the order keeps its id. */
    private void bill(List<Order> orders, List<Subscription> subscriptions, Optional<Coupon> coupon, Plan plan) {
        // the plan's own flag is billing's to read (FirstInvoices); the request reports the seller's sell-out list (review 11, #8)
        firstInvoices.issue(new FirstInvoiceRequest(orders.get(0).getId(), subscriptions, coupon.map(Coupon::pricing),
                        storefrontPricing.sellsSelfBilled(orders.get(0).getSellerId().orElse(null), orders.get(0).getCustomerId().orElse(null))))
                .ifPresent(invoice -> orders.forEach(order -> order.invoicedBy(invoice.getId())));
    }

    // --- reading and deciding ---

    private Order visible(long id, PartyScope scope) {
        Order order = entityManager.find(Order.class, id);
        if (order == null || !scope.includes(order.getCustomerId().orElse(null), order.getSellerId().orElse(null), order.getVendorId())) {
            throw new NotFound("Order " + id + " was not found");
        }
        return order;
    }

    /**
     * An order waiting for the caller's decision: the reseller's when it came through its
     * storefront, the vendor's otherwise, and the tenant's staff's always. Who does not see it gets
     * a 404, who sees it but does not audit it a 403.
     */
    private Order decidable(long id) {
        User user = actor();
        Order order = visible(id, actorScope());
        if (user.getRole().isTenantStaff()) {
            return order;
        }
        Long org = user.getOrganization().map(Organization::getId).orElse(null);
        Organization seller = order.getSellerId().map(sellerId -> entityManager.find(Organization.class, sellerId)).orElse(null);
        boolean auditor = seller != null && seller.getKind() == OrganizationKind.RESELLER
                ? user.getRole() == Role.RESELLER && seller.getId().equals(org)
                : user.getRole() == Role.VENDOR && java.util.Objects.equals(order.getVendorId(), org);
        if (!auditor) {
            throw new Forbidden("Order " + id + " is not yours to decide");
        }
        return order;
    }

    /** Each decision is written at once: of two parallel decisions the order's version lets one win, the other is a 409. */
    private void decide(List<Order> orders, boolean approved, String reason, Instant now) {
        long auditor = actor().getId();
        orders.forEach(order -> order.decide(approved, auditor, reason, now));
        try {
            entityManager.flush();
        } catch (OptimisticLockException raced) {
            throw new Conflict("Order " + orders.get(0).getId() + " was decided meanwhile");
        }
    }

    private List<Order> bundleOf(Order order) {
        if (order.getBundleOrderId().isEmpty()) {
            return List.of(order);
        }
        return entityManager.createQuery("SELECT o FROM Order o WHERE o.bundleOrderId = :first ORDER BY o.id", Order.class)
                .setParameter("first", order.getBundleOrderId().get()).getResultList();
    }

    private Subscription subscriptionOf(Order order) {
        return entityManager.find(Subscription.class, order.getSubscriptionId()
                .orElseThrow(() -> new Conflict("Order " + order.getId() + " has no subscription")));
    }

    private OrderView view(Order order, PartyScope scope) {
        List<Long> bundle = order.getBundleOrderId().isEmpty() ? List.of() : bundleOf(order).stream().map(Order::getId).toList();
        return OrderView.of(order, bundle, scope.seesBuyerDetails());
    }
}
