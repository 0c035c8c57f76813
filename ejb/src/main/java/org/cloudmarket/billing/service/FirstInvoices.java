package org.cloudmarket.billing.service;

import jakarta.enterprise.context.Dependent;
import java.util.Optional;
import org.cloudmarket.billing.domain.Invoice;

/**
 * Issues the first invoice of an order that may be billed. STUB of h/orders, replaced by h/invoices
 * (which writes the proceeds, issues the invoice and moves the subscriptions): on merge take
 * h/invoices' version. Until then no invoice is issued and the subscriptions stay WAITING_PAYMENT.
 */
@Dependent
public class FirstInvoices {

    /** Replaced by h/invoices: the invoice issued for the order, empty when none is (here: always). */
    public Optional<Invoice> issue(FirstInvoiceRequest request) {
        return Optional.empty();
    }
}
