package org.cloudmarket.billing.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One thing to bill, usually a proceed: a quantity (periods, hours, units; negative on a credit) at
 * a unit price in the invoice's currency, which may carry more decimals than the invoice shows
 * (a prorated 4.183333), and its {@code amount}, rounded once to the currency's minor unit where it was
 * priced (the quote's, the order's and the proceed's amount): the invoice line's net is this amount, never
 * recomputed. A discount is a negative unit price. {@code proceedId} is null for an item that is no
 * proceed (a manual line).
 */
public record BillableItem(Long proceedId, ProceedKind kind, String description, BigDecimal quantity, BigDecimal unitPrice,
                           BigDecimal amount) {

    public BillableItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(amount, "amount");
    }

    /** A manual line, priced here: its amount is quantity x unit price rounded once, half up. */
    public static BillableItem priced(Long proceedId, ProceedKind kind, String description, BigDecimal quantity, BigDecimal unitPrice,
                                      java.util.Currency currency) {
        return new BillableItem(proceedId, kind, description, quantity, unitPrice,
                new org.cloudmarket.shared.money.Money(quantity.multiply(unitPrice), currency).rounded().amount());
    }
}
