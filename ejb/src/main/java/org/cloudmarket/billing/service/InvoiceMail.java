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

/** INVOICE_ISSUED to each enabled user of the invoiced customer, the PDF attached by reference (rendered at delivery). */
@Dependent
public class InvoiceMail {

    @Inject
    private EntityManager entityManager;

    @Inject
    private Mail mail;

    @Inject
    private BillingTenant billingTenant;

    public void issued(Invoice invoice) {
        Organization customer = entityManager.find(Organization.class, invoice.getCustomerId().orElseThrow());
        String total = invoice.getTotal().setScale(invoice.getCurrency().getDefaultFractionDigits(), java.math.RoundingMode.HALF_UP)
                .toPlainString() + " " + invoice.getCurrency().getCurrencyCode();
        entityManager.createQuery("SELECT u FROM User u WHERE u.organization = :customer ORDER BY u.id", User.class)
                .setParameter("customer", customer).getResultStream()
                .filter(User::isEnabled).filter(user -> !ApiKey.isMachine(user))
                .forEach(user -> mail.send(new MailRequest(user.getEmail(), MailTemplate.INVOICE_ISSUED, billingTenant.tenant().getLocale(),
                        Map.of("name", user.getDisplayName(), "number", invoice.getNumber(), "total", total),
                        new MailRequest.Attachment(InvoicePdfAttachments.SOURCE, invoice.getId()))));
    }
}
