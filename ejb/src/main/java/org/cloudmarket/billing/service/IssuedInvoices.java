package org.cloudmarket.billing.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.cloudmarket.billing.domain.Invoice;
import org.cloudmarket.subscription.domain.Change;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.subscription.service.Lifecycle;

/**
 * What follows the issue of an invoice, whoever issued it (a first invoice, a billing run): a zero total is settled at
 * once (which provisions its subscriptions); otherwise its subscriptions are marked unpaid and the customer gets its mail.
 */
@Dependent
public class IssuedInvoices {

    @Inject
    private InvoiceSettlement settlement;

    @Inject
    private InvoiceMail invoiceMail;

    @Inject
    private Lifecycle lifecycle;

    public void announce(Invoice invoice, Long orderId) {
        if (invoice.getTotal().signum() == 0) {
            settlement.paid(invoice, "Invoice " + invoice.getNumber() + " totals zero: nothing to pay");
            return;
        }
        settlement.subscriptionsOf(invoice).stream().filter(Subscription::isPaid).forEach(subscription ->
                lifecycle.record(subscription, issuedReason(invoice.getNumber()), orderId, new Change.Paid(false)));
        invoiceMail.issued(invoice);
    }

    /** Why an issued invoice marked a subscription unpaid, in its changelog (a billing run writes the same line, RunInvoiceWrites). */
    static String issuedReason(String number) {
        return "Invoice " + number + " issued";
    }
}
