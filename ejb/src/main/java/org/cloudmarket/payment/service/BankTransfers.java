package org.cloudmarket.payment.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.cloudmarket.billing.service.InvoiceView;
import org.cloudmarket.billing.service.Invoices;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.service.Caller;

/**
 * An offline bank transfer (DOMAIN.md, Payments): the tenant's ADMIN, or the reseller for an invoice it issued,
 * marks the invoice paid with the deposit slip (reference up to 255 characters, the day, the amount, which must be
 * the invoice's total). The invoice is found as the caller sees it (Invoices.visible: another's is a 404), the
 * payment is written, and the settlement provisions its subscriptions; a second payment is a 409. The rules and
 * the writing are BankTransferRecording's, which the demo data calls with its own user.
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.RESELLER})
public class BankTransfers {

    @Inject
    private Invoices invoices;

    @Inject
    private BankTransferRecording recording;

    @Inject
    private Caller caller;

    public InvoiceView record(long invoiceId, String reference, LocalDate date, BigDecimal amount) {
        return recording.record(invoices.visible(invoiceId), reference, date, amount, caller.userId());
    }
}
