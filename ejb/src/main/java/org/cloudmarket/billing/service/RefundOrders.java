package org.cloudmarket.billing.service;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * The REFUND order of a refund (DOMAIN, Orders: order types). Orders are ordering's, which builds on billing, so
 * billing asks through this interface and ordering implements it (as ordering implements the channel's
 * PricedInStorefrontCurrency): {@link Refunds} never imports ordering.
 */
public interface RefundOrders {

    /** What the REFUND order is for: the refunded invoice's subscription (its first refunded line's), who asked, why, how much. */
    record Request(long subscriptionId, long invoiceId, long placedBy, String reason, BigDecimal total, Currency currency) {
    }

    /** Writes the order (status PAID: invoiced now, by the credit note) and answers its id. */
    long place(Request request);

    /** The order keeps its credit note. */
    void invoiced(long orderId, long creditNoteId);
}
