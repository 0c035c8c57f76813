package org.cloudmarket.ordering.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.cloudmarket.billing.service.FirstInvoiceRequest;
import org.cloudmarket.billing.service.FirstInvoices;
import org.cloudmarket.catalog.domain.PaymentMethod;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.channel.service.StorefrontPricing;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.ordering.domain.Coupon;
import org.cloudmarket.ordering.domain.Order;
import org.cloudmarket.ordering.domain.OrderStatus;
import org.cloudmarket.ordering.domain.OrderType;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.subscription.domain.BillingCycle;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.PriceSnapshot;
import org.cloudmarket.subscription.domain.Quantities;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.subscription.domain.SubscriptionType;

/** What a purchase writes: its orders, their subscriptions, and the first invoice billing issues for them. */
@Dependent
class OrderRows {

    @Inject
    private EntityManager entityManager;

    @Inject
    private FirstInvoices firstInvoices;

    @Inject
    private StorefrontPricing storefrontPricing;

    Order order(OrderType type, OrderStatus status, Buyer buyer, OrderPricing.Priced part, PlaceOrder command,
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

    Subscription subscription(OrderType type, DeploymentStatus status, Order order, OrderPricing.Priced part, ZoneId zone,
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
    void bill(List<Order> orders, List<Subscription> subscriptions, Optional<Coupon> coupon) {
        Order first = orders.get(0);
        // priced at the order's instant: a coupon that expired while the order waited for approval still applies to it;
        // the plan's own self-billed flag is billing's to read (FirstInvoices), the request reports the seller's sell-out list
        firstInvoices.issue(new FirstInvoiceRequest(first.getId(), subscriptions, coupon.map(Coupon::pricing),
                        storefrontPricing.sellsSelfBilled(first.getSellerId().orElse(null), first.getCustomerId().orElse(null)),
                        first.getCreatedAt()))
                .ifPresent(invoice -> orders.forEach(order -> order.invoicedBy(invoice.getId())));
    }
}
