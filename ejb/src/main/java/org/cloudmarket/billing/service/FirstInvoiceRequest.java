package org.cloudmarket.billing.service;

import java.util.List;
import java.util.Optional;
import org.cloudmarket.pricing.Coupon;
import org.cloudmarket.subscription.domain.Subscription;

/**
 * What the ordering context hands to billing once an order may be billed (placed without approval,
 * or approved): the order, its subscriptions (one, or one per plan of a bundle), the coupon's
 * effect it was priced with, and whether the sale is self-billed (a pro-forma only).
 */
public record FirstInvoiceRequest(long orderId, List<Subscription> subscriptions, Optional<Coupon> coupon, boolean selfBilled) {

    public FirstInvoiceRequest {
        subscriptions = List.copyOf(subscriptions);
    }
}
