package org.cloudmarket.payment.service;

import jakarta.enterprise.context.Dependent;
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
import org.cloudmarket.catalog.domain.PaymentMethod;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Decimals;

/**
 * A bank transfer's deposit slip checked and recorded against an invoice the recorder may see
 * (BankTransfers finds it as the caller sees it; the demo data passes its own): the slip's rules,
 * the settlement that provisions the subscriptions, and the payment row naming who recorded it.
 * Runs in the caller's transaction.
 */
@Dependent
public class BankTransferRecording {

    @Inject
    private EntityManager entityManager;

    @Inject
    private InvoiceSettlement settlement;

    @Inject
    private BillingTenant billingTenant;

    @Inject
    private Clock clock;

    public InvoiceView record(Invoice invoice, String reference, LocalDate date, BigDecimal amount, long recordedBy) {
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
                recordedBy, clock.instant()));
        return InvoiceView.of(invoice);
    }
}
