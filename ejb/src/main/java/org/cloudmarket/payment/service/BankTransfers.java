package org.cloudmarket.payment.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.cloudmarket.billing.domain.Invoice;
import org.cloudmarket.billing.domain.InvoiceKind;
import org.cloudmarket.billing.domain.Payment;
import org.cloudmarket.billing.service.BillingTenant;
import org.cloudmarket.billing.service.InvoiceSettlement;
import org.cloudmarket.billing.service.InvoiceView;
import org.cloudmarket.billing.service.Invoices;
import org.cloudmarket.catalog.domain.PaymentMethod;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Decimals;

/**
 * An offline bank transfer (DOMAIN.md, Payments): the tenant's ADMIN, or the reseller for an invoice it issued,
 * marks the invoice paid with the deposit slip (reference up to 255 characters, the day, the amount, which must be
 * the invoice's total). The invoice is found as the caller sees it (Invoices.visible: another's is a 404), the
 * payment is written, and the settlement provisions its subscriptions; a second payment is a 409.
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.RESELLER})
public class BankTransfers {

    @Inject
    private EntityManager entityManager;

    @Inject
    private Invoices invoices;

    @Inject
    private InvoiceSettlement settlement;

    @Inject
    private BillingTenant billingTenant;

    @Inject
    private Caller caller;

    @Inject
    private Clock clock;

    public InvoiceView record(long invoiceId, String reference, LocalDate date, BigDecimal amount) {
        Invoice invoice = invoices.visible(invoiceId);
        String slip = reference == null ? "" : reference.strip();
        if (slip.isEmpty() || slip.length() > 255) {
            throw new InvalidInput("reference", "reference is the deposit slip's reference, 1 to 255 characters");
        }
        if (date == null) {
            throw new InvalidInput("date", "date is the day of the transfer, like 2026-12-01");
        }
        if (date.isAfter(LocalDate.now(clock.withZone(billingTenant.tenant().getTimeZone())))) {
            throw new InvalidInput("date", "date cannot be in the future");
        }
        BigDecimal paid = Decimals.bounded("amount", amount);
        if (paid == null || paid.compareTo(invoice.getTotal()) != 0) {
            throw new InvalidInput("amount", "amount must be the invoice's total, " + invoice.getTotal().stripTrailingZeros().toPlainString()
                    + " " + invoice.getCurrency().getCurrencyCode());
        }
        if (invoice.getKind() != InvoiceKind.INVOICE) {
            throw new Conflict("A " + invoice.getKind() + " is not paid by bank transfer");
        }
        settlement.paid(invoice, "Bank transfer " + slip + " recorded for invoice " + invoice.getNumber());
        entityManager.persist(new Payment(invoice.getId(), PaymentMethod.BANK_TRANSFER, slip, date, paid, invoice.getCurrency(),
                caller.userId(), clock.instant()));
        return InvoiceView.of(invoice);
    }
}
