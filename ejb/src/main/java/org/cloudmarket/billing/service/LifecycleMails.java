package org.cloudmarket.billing.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.cloudmarket.billing.domain.Invoice;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.identity.domain.ApiKey;
import org.cloudmarket.identity.domain.User;
import org.cloudmarket.messaging.service.Mail;
import org.cloudmarket.messaging.service.MailRequest;
import org.cloudmarket.messaging.service.MailTemplate;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * The lifecycle run's mails to the customer's enabled people (as InvoiceMail and QuotaMails): an overdue invoice's
 * daily reminder, a suspension, an end for an unpaid invoice, a manual renewal's reminder and its lapse. Days are
 * written in the tenant's language. Inside the caller's transaction: a mail exists exactly when its decision does.
 */
@Dependent
class LifecycleMails {

    @Inject
    private EntityManager entityManager;

    @Inject
    private Mail mail;

    @Inject
    private BillingTenant billingTenant;

    void paymentReminder(Invoice invoice, LocalDate due, LocalDate stopOn) {
        send(invoice.getCustomerId().orElseThrow(), MailTemplate.PAYMENT_REMINDER, Map.of("number", invoice.getNumber(), "total", total(invoice),
                "due", day(due), "stopOn", day(stopOn)));
    }

    private static String total(Invoice invoice) {
        return invoice.getTotal().setScale(invoice.getCurrency().getDefaultFractionDigits(), RoundingMode.HALF_UP).toPlainString()
                + " " + invoice.getCurrency().getCurrencyCode();
    }

    void suspended(Subscription subscription, Invoice invoice, LocalDate endOn) {
        tell(subscription, MailTemplate.SUBSCRIPTION_SUSPENDED, Map.of("number", invoice.getNumber(), "endOn", day(endOn)));
    }

    void endedUnpaid(Subscription subscription, Invoice invoice) {
        tell(subscription, MailTemplate.SUBSCRIPTION_ENDED_UNPAID, Map.of("number", invoice.getNumber()));
    }

    /** The reminder names the renewal invoice to pay; without one (a live-reporting tenant issues none) it says the end comes. */
    void renewalReminder(Subscription subscription, LocalDate lastDay, Optional<Invoice> renewalInvoice) {
        if (renewalInvoice.isEmpty()) {
            tell(subscription, MailTemplate.RENEWAL_ENDING, Map.of("lastDay", day(lastDay)));
            return;
        }
        Invoice invoice = renewalInvoice.get();
        tell(subscription, MailTemplate.RENEWAL_REMINDER, Map.of("lastDay", day(lastDay), "number", invoice.getNumber(), "total", total(invoice)));
    }

    void expired(Subscription subscription, LocalDate lastDay) {
        tell(subscription, MailTemplate.SUBSCRIPTION_EXPIRED, Map.of("lastDay", day(lastDay)));
    }

    private void tell(Subscription subscription, MailTemplate template, Map<String, String> more) {
        if (subscription.getCustomerId().isEmpty()) {
            return; // a sandbox: nobody to tell
        }
        Plan plan = entityManager.find(Plan.class, subscription.getPlanId());
        Map<String, String> values = new HashMap<>(more);
        values.put("product", plan.getProduct().getName() + " " + plan.getName());
        send(subscription.getCustomerId().get(), template, values);
    }

    private void send(long customerId, MailTemplate template, Map<String, String> more) {
        Tenant tenant = billingTenant.tenant();
        entityManager.createQuery("SELECT u FROM User u WHERE u.organization.id = :customer ORDER BY u.id", User.class)
                .setParameter("customer", customerId).getResultStream()
                .filter(User::isEnabled).filter(user -> !ApiKey.isMachine(user))
                .forEach(user -> {
                    Map<String, String> values = new HashMap<>(more);
                    values.put("name", user.getDisplayName());
                    mail.send(new MailRequest(user.getEmail(), template, tenant.getLocale(), values));
                });
    }

    private String day(LocalDate day) {
        return day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(billingTenant.tenant().getLocale()));
    }
}
