package org.cloudmarket.billing.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cloudmarket.pricing.Coupon;
import org.cloudmarket.subscription.domain.Subscription;

/**
 * What the ordering context hands to billing once an order may be billed (placed without approval,
 * or approved): the order, its subscriptions (one, or one per plan of a bundle), the coupon's
 * effect it was priced with, whether the sale is self-billed (a pro-forma only), and the instant it was
 * priced at (the order's: the coupon's validity is judged then, not at a later approval).
 */
public record FirstInvoiceRequest(long orderId, List<Subscription> subscriptions, Optional<Coupon> coupon, boolean selfBilled,
                                  Instant pricedAt) {

    public FirstInvoiceRequest {
        subscriptions = List.copyOf(subscriptions);
    }
}
