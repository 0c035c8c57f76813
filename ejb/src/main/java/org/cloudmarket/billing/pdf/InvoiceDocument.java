package org.cloudmarket.billing.pdf;

import java.time.LocalDate;
import java.util.Objects;
import org.cloudmarket.billing.domain.InvoiceDraft;
import org.cloudmarket.billing.domain.InvoiceStatus;
import org.cloudmarket.billing.domain.Party;

/**
 * What an invoice's PDF prints: the draft (its kind, lines, VAT breakdown, totals and tax note), the
 * number, the days in the tenant's zone (no due day on a credit note: null), the status, both parties as the invoice copied them, and the
 * issuer's logo (PNG or JPEG bytes, null for none).
 */
public record InvoiceDocument(InvoiceDraft draft, String number, LocalDate issuedOn, LocalDate dueOn, InvoiceStatus status,
                              Party issuer, Party customer, byte[] logo) {

    public InvoiceDocument {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(customer, "customer");
    }
}
