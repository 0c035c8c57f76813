package org.cloudmarket.web.account;

import java.util.List;
import java.util.stream.Collectors;
import org.cloudmarket.billing.domain.InvoiceKind;
import org.cloudmarket.billing.service.InvoiceView;

/**
 * What the invoice pages say of credit notes (issue 13: refunds and cancellations): a credit note names the invoice
 * it credits, an invoice the credit notes that credit it, among the rows the page shows (a row beyond the page's
 * hundred is named by its id).
 */
public final class CreditNoteLinks {

    private CreditNoteLinks() {
    }

    /** The number of the invoice a credit note credits; empty for any other row. */
    public static String credits(List<InvoiceView> rows, InvoiceView row) {
        if (row.kind() != InvoiceKind.CREDIT_NOTE || row.creditsInvoiceId() == null) {
            return "";
        }
        return rows.stream().filter(other -> other.id() == row.creditsInvoiceId()).map(InvoiceView::number).findFirst()
                .orElse("#" + row.creditsInvoiceId());
    }

    /** The numbers of the credit notes among the rows that credit this invoice, comma-separated; empty when none. */
    public static String creditedBy(List<InvoiceView> rows, InvoiceView row) {
        return rows.stream().filter(other -> other.kind() == InvoiceKind.CREDIT_NOTE && other.creditsInvoiceId() != null
                        && other.creditsInvoiceId() == row.id()).map(InvoiceView::number).sorted().collect(Collectors.joining(", "));
    }
}
