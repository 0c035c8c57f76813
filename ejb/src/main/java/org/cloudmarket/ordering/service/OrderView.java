package org.cloudmarket.ordering.service;

import jakarta.json.bind.annotation.JsonbNillable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.cloudmarket.ordering.domain.Order;
import org.cloudmarket.ordering.domain.OrderLine;

/**
 * An order as the API shows it (BUYING-CONTRACT): its sell-out lines and total, its subscription
 * and first invoice, the other orders of its bundle. A reader that does not see the buyer's details
 * (a vendor, a distributor: {@code PartyScope.seesBuyerDetails}, as SubscriptionView) gets neither
 * {@code customerId} nor {@code paymentMethod}. Empty values are written as
 * null, so that a client reads {@code "invoiceId": null} while the order waits for approval.
 */
@JsonbNillable
public record OrderView(long id, String type, String status, String source, long planId, Long customerId, Long sellerId,
                        String currency, List<Line> lines, BigDecimal total, Long subscriptionId, Long invoiceId,
                        List<Long> bundleOrderIds, String paymentMethod, Instant createdAt, String decisionReason) {

    public record Line(String type, String component, String description, BigDecimal quantity, BigDecimal unitPrice,
                       BigDecimal amount) {

        static Line of(OrderLine line) {
            return new Line(line.getType().name(), line.getComponent(), line.getDescription(), line.getQuantity(), line.getUnitPrice(),
                    line.getAmount());
        }
    }

    /** A change's order (SubscriptionChanges, h/changes), shown to the buyer or staff who asked for it. */
    static OrderView of(Order order, List<Long> bundleOrderIds) {
        return of(order, bundleOrderIds, true);
    }

    static OrderView of(Order order, List<Long> bundleOrderIds, boolean seesBuyerDetails) {
        return new OrderView(order.getId(), order.getType().name(), order.getStatus().name(), order.getSource().name(),
                order.getPlanId(), seesBuyerDetails ? order.getCustomerId().orElse(null) : null, order.getSellerId().orElse(null),
                order.getCurrency().getCurrencyCode(), order.getLines().stream().map(Line::of).toList(), order.getTotal(),
                order.getSubscriptionId().orElse(null), order.getInvoiceId().orElse(null), List.copyOf(bundleOrderIds),
                seesBuyerDetails ? order.getPaymentMethod().map(Enum::name).orElse(null) : null, order.getCreatedAt(),
                order.getDecisionReason().orElse(null));
    }
}
