package org.cloudmarket.billing.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.cloudmarket.billing.domain.BillingSettings;
import org.cloudmarket.billing.domain.Invoice;
import org.cloudmarket.billing.domain.InvoiceKind;
import org.cloudmarket.billing.domain.Proceed;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.subscription.domain.Change;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.subscription.service.Lifecycle;

/**
 * Invoices, at once, the proceeds a running subscription's order wrote: a change invoiced now (an
 * upgrade's proration pair, a dearer plan's) or a converted trial's first paid period. Through
 * {@link Invoicing}, due after the tenant's payment terms, so the unpaid-invoice rules apply to it;
 * a pro-forma for a self-billed plan; nothing for a live-reporting tenant, whose proceeds are
 * reported instead. An unpaid invoice makes the subscription not {@code paid}, and its mail goes out.
 */
@Dependent
public class ChangeInvoices {

    @Inject
    private BillingTenant billingTenant;

    @Inject
    private Invoicing invoicing;

    @Inject
    private InvoiceMail invoiceMail;

    @Inject
    private Lifecycle lifecycle;

    @Inject
    private EntityManager entityManager;

    public Optional<Invoice> issue(Subscription subscription, long orderId, List<Proceed> proceeds) {
        BillingSettings settings = billingTenant.settings();
        if (proceeds.isEmpty() || settings.liveReporting()) {
            return Optional.empty();
        }
        boolean selfBilled = settings.selfBilled(entityManager.find(Plan.class, subscription.getPlanId()).isSelfBilled(), false);
        Invoice invoice = invoicing.issue(selfBilled ? InvoiceKind.PRO_FORMA : InvoiceKind.INVOICE, proceeds, orderId,
                Invoicing.Due.PAYMENT_TERMS);
        if (invoice.getTotal().signum() > 0) {
            if (subscription.isPaid()) {
                lifecycle.record(subscription, "Invoice " + invoice.getNumber() + " issued", orderId, new Change.Paid(false));
            }
            invoiceMail.issued(invoice);
        }
        return Optional.of(invoice);
    }
}
