package org.cloudmarket.billing.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import org.cloudmarket.billing.domain.Invoice;
import org.cloudmarket.identity.domain.ApiKey;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.messaging.service.Mail;
import org.cloudmarket.messaging.service.MailRequest;
import org.cloudmarket.messaging.service.MailTemplate;
import org.cloudmarket.tenancy.domain.Organization;

/** INVOICE_ISSUED (or REFUND_ISSUED) to each enabled user of the invoiced customer, the PDF attached by reference (rendered at delivery). */
@Dependent
public class InvoiceMail {

    @Inject
    private EntityManager entityManager;

    @Inject
    private Mail mail;

    @Inject
    private BillingTenant billingTenant;

    public void issued(Invoice invoice) {
        issued(invoice.getId(), invoice.getCustomerId().orElseThrow(), invoice.getNumber(), invoice.getTotal(), invoice.getCurrency());
    }

    /** The same for an invoice a billing run wrote without its entity (RunInvoiceWrites). */
    public void issued(long invoiceId, long customerId, String number, BigDecimal total, Currency currency) {
        send(invoiceId, customerId, MailTemplate.INVOICE_ISSUED, Map.of("number", number, "total", total(total, currency)));
    }

    /** REFUND_ISSUED: the credit note of a refund, with the refunded invoice's number and the reason. */
    public void refunded(Invoice creditNote, Invoice original, String reason) {
        send(creditNote.getId(), creditNote.getCustomerId().orElseThrow(), MailTemplate.REFUND_ISSUED, Map.of("number",
                creditNote.getNumber(), "invoice", original.getNumber(),
                "total", total(creditNote.getTotal(), creditNote.getCurrency()).replaceFirst("^-", ""), "reason", reason));
    }

    private void send(long invoiceId, long customerId, MailTemplate template, Map<String, String> values) {
        Organization customer = entityManager.find(Organization.class, customerId);
        entityManager.createQuery("SELECT u FROM User u WHERE u.organization = :customer ORDER BY u.id", User.class)
                .setParameter("customer", customer).getResultStream()
                .filter(User::isEnabled).filter(user -> !ApiKey.isMachine(user))
                .forEach(user -> {
                    Map<String, String> named = new HashMap<>(values);
                    named.put("name", user.getDisplayName());
                    mail.send(new MailRequest(user.getEmail(), template, billingTenant.tenant().getLocale(), named,
                            new MailRequest.Attachment(InvoicePdfAttachments.SOURCE, invoiceId)));
                });
    }

    private static String total(BigDecimal total, Currency currency) {
        return total.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP)
                .toPlainString() + " " + currency.getCurrencyCode();
    }
}
