package org.cloudmarket.billing.domain;

import java.util.Currency;
import java.util.List;
import org.cloudmarket.shared.money.Money;

/**
 * An invoice as the generator makes it, before it has a number: what the issuing service stores and
 * the PDF prints. {@code note} is the tax treatment's legal note (reverse charge, export), or null.
 */
public record InvoiceDraft(InvoiceKind kind, List<InvoiceDraftLine> lines, List<TaxSubtotal> taxSubtotals, Money net,
                           Money tax, Money total, String note) {

    public InvoiceDraft {
        lines = List.copyOf(lines);
        taxSubtotals = List.copyOf(taxSubtotals);
    }

    public Currency currency() {
        return total.currency();
    }
}
