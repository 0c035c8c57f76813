package org.cloudmarket.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.cloudmarket.billing.service.InvoiceQuery;
import org.cloudmarket.billing.service.InvoiceView;
import org.cloudmarket.billing.service.Invoices;
import org.cloudmarket.shared.paging.PageRequest;

/** The customer's invoices (/account/invoices.xhtml): number, status, amounts and the PDF of each, newest first. */
@Named
@RequestScoped
public class MyInvoicesPage {

    @Inject
    private Invoices invoices;

    private List<InvoiceView> rows;

    /** The newest hundred; the API pages further. */
    public List<InvoiceView> getInvoices() {
        if (rows == null) {
            rows = invoices.list(new InvoiceQuery(null, null, null, null, new PageRequest(null, PageRequest.MAX_LIMIT))).items();
        }
        return rows;
    }

    /** A credit note's invoice (CreditNoteLinks). */
    public String credits(InvoiceView invoice) {
        return CreditNoteLinks.credits(getInvoices(), invoice);
    }

    /** The credit notes of an invoice among the rows (CreditNoteLinks). */
    public String creditedBy(InvoiceView invoice) {
        return CreditNoteLinks.creditedBy(getInvoices(), invoice);
    }
}
