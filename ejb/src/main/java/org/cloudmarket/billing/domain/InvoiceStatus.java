package org.cloudmarket.billing.domain;

/** DOMAIN.md, Billing: DELAYED (a customer trusted to pay later) counts as paid. */
public enum InvoiceStatus {
    UNPAID,
    /** Payment processing at the gateway. */
    PENDING,
    /** The buyer must authenticate the payment. */
    REQUIRES_ACTION,
    PAID,
    EXPIRED,
    DELAYED,
    /** Cancelled by a credit note (a first invoice past its window). */
    CANCELLED;

    public boolean countsAsPaid() {
        return this == PAID || this == DELAYED;
    }
}
