package org.cloudmarket.billing.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
        send(invoice, MailTemplate.INVOICE_ISSUED, Map.of("number", invoice.getNumber(), "total", total(invoice)));
    }

    /** REFUND_ISSUED: the credit note of a refund, with the refunded invoice's number and the reason. */
    public void refunded(Invoice creditNote, Invoice original, String reason) {
        send(creditNote, MailTemplate.REFUND_ISSUED, Map.of("number", creditNote.getNumber(), "invoice", original.getNumber(),
                "total", total(creditNote).replaceFirst("^-", ""), "reason", reason));
    }

    private void send(Invoice invoice, MailTemplate template, Map<String, String> values) {
        Organization customer = entityManager.find(Organization.class, invoice.getCustomerId().orElseThrow());
        entityManager.createQuery("SELECT u FROM User u WHERE u.organization = :customer ORDER BY u.id", User.class)
                .setParameter("customer", customer).getResultStream()
                .filter(User::isEnabled).filter(user -> !ApiKey.isMachine(user))
                .forEach(user -> {
                    Map<String, String> named = new java.util.HashMap<>(values);
                    named.put("name", user.getDisplayName());
                    mail.send(new MailRequest(user.getEmail(), template, billingTenant.tenant().getLocale(), named,
                            new MailRequest.Attachment(InvoicePdfAttachments.SOURCE, invoice.getId())));
                });
    }

    private static String total(Invoice invoice) {
        return invoice.getTotal().setScale(invoice.getCurrency().getDefaultFractionDigits(), java.math.RoundingMode.HALF_UP)
                .toPlainString() + " " + invoice.getCurrency().getCurrencyCode();
    }
}
