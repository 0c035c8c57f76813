package org.cloudmarket.web.backoffice;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cloudmarket.billing.domain.InvoiceKind;
import org.cloudmarket.billing.domain.InvoiceStatus;
import org.cloudmarket.billing.service.InvoiceQuery;
import org.cloudmarket.billing.service.InvoiceView;
import org.cloudmarket.billing.service.Invoices;
import org.cloudmarket.payment.service.BankTransfers;
import org.cloudmarket.shared.error.DomainException;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Decimals;
import org.cloudmarket.shared.paging.PageRequest;

/**
 * The back-office's invoices (/backoffice/invoices.xhtml, Invoices.list as InvoiceVisibility allows)
 * and "mark paid" of a bank transfer with its deposit slip (reference, day, amount) through
 * BankTransfers.record: offered to the tenant's ADMIN, and to a reseller for the invoices it issued.
 * View-scoped so that the rows a form posts from are the rows rendered; each recording reloads.
 */
@Named("invoicesDesk")
@ViewScoped
public class InvoicesDesk implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Invoices invoices;

    @Inject
    private BankTransfers bankTransfers;

    private transient List<InvoiceView> rows;
    private final Map<Long, String> references = new HashMap<>();
    private final Map<Long, String> days = new HashMap<>();
    private final Map<Long, String> amounts = new HashMap<>();

    /** The newest hundred; the API pages further. */
    public List<InvoiceView> getInvoices() {
        if (rows == null) {
            rows = invoices.list(new InvoiceQuery(null, null, null, null, new PageRequest(null, PageRequest.MAX_LIMIT))).items();
        }
        return rows;
    }

    /** A credit note's invoice (CreditNoteLinks). */
    public String credits(InvoiceView invoice) {
        return org.cloudmarket.web.account.CreditNoteLinks.credits(getInvoices(), invoice);
    }

    /** The credit notes of an invoice among the rows (CreditNoteLinks). */
    public String creditedBy(InvoiceView invoice) {
        return org.cloudmarket.web.account.CreditNoteLinks.creditedBy(getInvoices(), invoice);
    }

    /** Whether the row gets the deposit-slip form: an unpaid invoice (not a pro-forma) its issuer or the ADMIN records. */
    public boolean mayMarkPaid(InvoiceView invoice) {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        boolean recorder = external.isUserInRole("ADMIN") || external.isUserInRole("RESELLER") && invoice.issuer() != null
                && invoice.issuer().id() != null;
        return recorder && invoice.kind() == InvoiceKind.INVOICE && invoice.status() == InvoiceStatus.UNPAID;
    }

    public void markPaid(long id) throws IOException {
        try {
            InvoiceView paid = bankTransfers.record(id, references.get(id), day(days.get(id)), amount(amounts.get(id)));
            PageMessages.done(MessageFormat.format(PageMessages.text("invoices.marked"), paid.number()));
        } catch (DomainException refused) {
            PageMessages.refused(refused);
        }
        PageMessages.keepForNextPage();
        var external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/backoffice/invoices.xhtml");
    }

    /** The day of the transfer as typed (YYYY-MM-DD); empty is left to the service to refuse. */
    static LocalDate day(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("date", "date is the day of the transfer, like 2026-12-01"); // BankTransfers' own words
        }
    }

    /** The amount as typed, within the one bound of client decimals (a map's values carry no type for a converter). */
    static BigDecimal amount(String typed) {
        return typed == null || typed.isBlank() ? null : Decimals.parse("amount", typed.strip());
    }

    public Map<Long, String> getReferences() {
        return references;
    }

    public Map<Long, String> getDays() {
        return days;
    }

    public Map<Long, String> getAmounts() {
        return amounts;
    }
}
