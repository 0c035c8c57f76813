package org.cloudmarket.billing.domain;

import java.math.BigDecimal;
import org.cloudmarket.shared.money.Money;

/**
 * A line as the invoice shows it: {@code netAmount} is the proceed's amount, and {@code quantity x unitPrice}
 * (unit price at 4 decimals) rounds to it, so a reader can redo the sum (InvoiceGenerator says how).
 */
public record InvoiceDraftLine(int position, Long proceedId, ProceedKind kind, String description, BigDecimal quantity,
                               BigDecimal unitPrice, Money netAmount, BigDecimal taxRate, String taxCategory) {

    /** The same line cancelled: the quantity and the amount change sign, the unit price stays as invoiced. */
    InvoiceDraftLine negated() {
        return new InvoiceDraftLine(position, proceedId, kind, description, quantity.negate(), unitPrice,
                netAmount.times(-1), taxRate, taxCategory);
    }
}
