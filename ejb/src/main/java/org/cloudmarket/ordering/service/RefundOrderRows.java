package org.cloudmarket.ordering.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import org.cloudmarket.billing.service.BillingTenant;
import org.cloudmarket.billing.service.RefundOrders;
import org.cloudmarket.ordering.domain.Order;
import org.cloudmarket.ordering.domain.OrderSource;
import org.cloudmarket.ordering.domain.OrderStatus;
import org.cloudmarket.ordering.domain.OrderType;
import org.cloudmarket.subscription.domain.Subscription;

/**
 * The REFUND order billing's Refunds asks for (billing.service.RefundOrders: billing may not import ordering): a push
 * by the staff or the issuing reseller, on the refunded invoice's subscription, PAID (invoiced now, by its credit note).
 */
@Dependent
public class RefundOrderRows implements RefundOrders {

    @Inject
    private EntityManager entityManager;

    @Inject
    private BillingTenant billingTenant;

    @Inject
    private Clock clock;

    @Override
    public long place(Request request) {
        Subscription subscription = entityManager.find(Subscription.class, request.subscriptionId());
        Instant now = clock.instant();
        Order order = new Order(OrderType.REFUND, OrderStatus.PAID, new Order.Parties(OrderSource.PUSH,
                subscription.getCustomerId().orElse(null), subscription.getSellerId().orElse(null),
                subscription.getStorefrontId().orElse(null), subscription.getVendorId(), subscription.getProductId(),
                subscription.getPlanId(), request.placedBy()), subscription.getDuration(), subscription.getExtraResources(), now, null, now);
        order.attach(subscription.getId());
        order.refunds(request.total(), request.currency(), billingTenant.tenant().getDefaultCurrency(), request.reason());
        entityManager.persist(order);
        entityManager.flush();
        return order.getId();
    }

    @Override
    public void invoiced(long orderId, long creditNoteId) {
        entityManager.find(Order.class, orderId).invoicedBy(creditNoteId);
    }
}
