package org.cloudmarket.ordering.service;

import java.math.BigDecimal;
import java.util.List;
import org.cloudmarket.ordering.domain.Order;
import org.cloudmarket.ordering.domain.OrderStatus;
import org.cloudmarket.ordering.domain.OrderType;

/** An order as the API answers it (BUYING-CONTRACT: POST /orders, and a change's order). */
public record OrderView(long id, OrderType type, OrderStatus status, long planId, Long customerId, String currency, List<Line> lines,
                        BigDecimal total, Long subscriptionId, Long invoiceId, List<Long> bundleOrderIds) {

    public record Line(String type, String component, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
    }

    public static OrderView of(Order order, List<Long> bundleOrderIds) {
        return new OrderView(order.getId(), order.getType(), order.getStatus(), order.getPlanId(), order.getCustomerId().orElse(null),
                order.getCurrency().getCurrencyCode(),
                order.getLines().stream().map(line -> new Line(line.getType().name(), line.getComponent(), line.getDescription(),
                        line.getQuantity(), line.getUnitPrice(), line.getAmount())).toList(),
                order.getTotal(), order.getSubscriptionId().orElse(null), order.getInvoiceId().orElse(null), bundleOrderIds);
    }
}
