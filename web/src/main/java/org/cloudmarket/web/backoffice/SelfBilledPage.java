package org.cloudmarket.web.backoffice;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.util.List;
import org.cloudmarket.billing.domain.InvoiceKind;
import org.cloudmarket.billing.domain.InvoiceStatus;
import org.cloudmarket.billing.service.InvoiceQuery;
import org.cloudmarket.billing.service.InvoiceView;
import org.cloudmarket.billing.service.Invoices;
import org.cloudmarket.billing.service.SelfBilling;
import org.cloudmarket.shared.error.DomainException;
import org.cloudmarket.shared.paging.PageRequest;

/**
 * A seller's self-billed pro-formas still to declare (/backoffice/self-billed.xhtml): the unpaid
 * pro-formas Invoices.list shows the caller (InvoiceVisibility: a vendor the tenant's pro-formas of its
 * plans, a reseller those it issued), each declared paid through SelfBilling.declare, which records the
 * fee owed to the owner.
 */
@Named
@RequestScoped
public class SelfBilledPage {

    @Inject
    private Invoices invoices;

    @Inject
    private SelfBilling selfBilling;

    private List<InvoiceView> rows;

    public List<InvoiceView> getProFormas() {
        if (rows == null) {
            rows = invoices.list(new InvoiceQuery(InvoiceStatus.UNPAID, InvoiceKind.PRO_FORMA, null, null,
                    new PageRequest(null, PageRequest.MAX_LIMIT))).items();
        }
        return rows;
    }

    public void declare(long invoiceId) {
        try {
            SelfBilling.DeclarationView declared = selfBilling.declare(invoiceId);
            PageMessages.done(MessageFormat.format(PageMessages.text("selfbilled.declared"), declared.number()));
            rows = null;
        } catch (DomainException refused) {
            PageMessages.refused(refused);
        }
    }
}
