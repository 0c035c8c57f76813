package org.cloudmarket.billing.einvoice;

import java.time.LocalDate;
import java.util.Objects;
import org.cloudmarket.billing.domain.InvoiceKind;
import org.cloudmarket.billing.pdf.InvoiceDocument;

/**
 * What every e-invoice of an issued invoice is mapped from: the document its PDF prints (lines, VAT breakdown,
 * parties as copied at issue, dates), the issuer's bank account, and for a credit note the invoice it credits.
 */
public record EInvoiceSource(InvoiceDocument document, String issuerIban, String creditedNumber, LocalDate creditedIssuedOn) {

    public EInvoiceSource {
        Objects.requireNonNull(document, "document");
        if (document.draft().kind() == InvoiceKind.CREDIT_NOTE && creditedNumber == null) {
            throw new IllegalArgumentException("A credit note references the invoice it credits: " + document.number());
        }
    }

    public boolean isCreditNote() {
        return document.draft().kind() == InvoiceKind.CREDIT_NOTE;
    }
}
