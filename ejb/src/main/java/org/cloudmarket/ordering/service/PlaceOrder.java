package org.cloudmarket.ordering.service;

import java.time.LocalDate;
import java.util.Map;
import org.cloudmarket.catalog.domain.PaymentMethod;
import org.cloudmarket.ordering.domain.OrderType;

/**
 * A purchase as a buyer asks for it (POST /orders): a plan for a duration with extra resources, a
 * coupon, a start day (today when null), the customer (push orders only), the type (NORMAL, TRIAL,
 * SANDBOX) and the payment method (BANK_TRANSFER when null).
 */
public record PlaceOrder(Long planId, Integer duration, Map<String, Long> extraResources, String couponCode, LocalDate start,
                         Long customerId, OrderType type, PaymentMethod paymentMethod) {

    public PlaceOrder {
        extraResources = extraResources == null ? Map.of() : Map.copyOf(extraResources);
        type = type == null ? OrderType.NORMAL : type;
    }
}
