package org.cloudmarket.billing.domain;

/** The three series an issuer numbers separately (DOMAIN.md, Decisions: Invoices). */
public enum InvoiceKind {
    INVOICE,
    /** Cancels (part of) an invoice it references; never an edit of it. */
    CREDIT_NOTE,
    /** A self-billed sale: the vendor or reseller collects and invoices itself. */
    PRO_FORMA
}
