package org.cloudmarket.billing.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One thing to bill, usually a proceed: a quantity (periods, hours, units; negative on a credit) at
 * a unit price in the invoice's currency, which may carry more decimals than the invoice shows
 * (a prorated 4.183333). A discount is a negative unit price. {@code proceedId} is null for an item
 * that is no proceed (a manual line).
 */
public record BillableItem(Long proceedId, ProceedKind kind, String description, BigDecimal quantity, BigDecimal unitPrice) {

    public BillableItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
    }
}
