package org.cloudmarket.billing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cloudmarket.billing.domain.Invoice;
import org.cloudmarket.billing.domain.InvoiceKind;
import org.cloudmarket.billing.domain.InvoiceStatus;
import org.cloudmarket.subscription.domain.Change;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.subscription.service.Lifecycle;

/**
 * A first invoice left unpaid {@code billing.daysAfterFirstPaymentExpires} days (default 3) past its due date
 * (DOMAIN.md, Orders: unpaid invoices; Decisions: an invoice that can no longer be paid is cancelled by a credit
 * note): its subscriptions still waiting for payment become PAYMENT_EXPIRED and the invoice is CANCELLED by a credit
 * note of its own series. A first invoice is the one whose order created the subscription, or, for a bundle, the
 * bundle's first order (each component has an order of its own, and the one invoice names the first: every component
 * expires with it). Run per tenant by
 * {@link FirstPaymentExpiryTimer}, one transaction per invoice, so one failure stops no other.
 */
@ApplicationScoped
public class FirstPaymentExpiry {

    @Inject
    private EntityManager entityManager;

    @Inject
    private BillingTenant billingTenant;

    @Inject
    private Invoicing invoicing;

    @Inject
    private InvoiceSettlement settlement;

    @Inject
    private Lifecycle lifecycle;

    @Inject
    private Clock clock;

    /** The current tenant's first invoices past their window. */
    @Transactional
    public List<Long> expired() {
        Instant before = clock.instant().minus(Duration.ofDays(billingTenant.settings().daysAfterFirstPaymentExpires()));
        return entityManager.createQuery("SELECT i.id FROM Invoice i WHERE i.kind = :kind AND i.status = :unpaid AND i.dueAt < :before"
                        + " AND i.orderId IS NOT NULL AND EXISTS (SELECT s FROM Subscription s WHERE (s.orderId = i.orderId"
                        + " OR s.bundleOrderId = i.orderId) AND s.deploymentStatus = :waiting) ORDER BY i.id", Long.class)
                .setParameter("kind", InvoiceKind.INVOICE).setParameter("unpaid", InvoiceStatus.UNPAID).setParameter("before", before)
                .setParameter("waiting", DeploymentStatus.WAITING_PAYMENT).setMaxResults(500).getResultList();
    }

    /** Expires one invoice, if it is still unpaid (a payment may have come in meanwhile: then nothing happens). */
    @Transactional
    public void expire(long invoiceId) {
        Invoice invoice = entityManager.find(Invoice.class, invoiceId);
        entityManager.refresh(invoice, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (invoice.getStatus() != InvoiceStatus.UNPAID) {
            return;
        }
        String reason = "First invoice " + invoice.getNumber() + " unpaid past its window";
        for (Subscription subscription : settlement.subscriptionsOf(invoice)) {
            if (subscription.getDeploymentStatus() == DeploymentStatus.WAITING_PAYMENT
                    && invoice.getOrderId().filter(order -> firstInvoiced(subscription, order)).isPresent()) {
                lifecycle.record(subscription, reason, subscription.getOrderId(), new Change.Status(DeploymentStatus.PAYMENT_EXPIRED));
            }
        }
        invoicing.cancelByCreditNote(invoice);
    }

    /** The subscription was created by the order, or belongs to the bundle that order started. */
    static boolean firstInvoiced(Subscription subscription, long orderId) {
        return subscription.getOrderId() == orderId || subscription.getBundleOrderId().filter(bundle -> bundle == orderId).isPresent();
    }
}
