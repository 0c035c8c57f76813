package org.cloudmarket.billing.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.cloudmarket.billing.domain.Invoice;
import org.cloudmarket.billing.domain.InvoiceStatus;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.persistence.NativeSql;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.subscription.domain.Change;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.subscription.service.Lifecycle;
import org.cloudmarket.subscription.service.Provisioning;

/**
 * What a paid invoice (a bank transfer, a declared pro-forma, later a gateway) sets off (DOMAIN.md, Payments: a paid
 * invoice starts provisioning): the invoice is PAID by one guarded UPDATE, so of two parallel payments exactly one
 * wins and the other is a 409; then each subscription it bills is {@code paid} once all its invoices are, and one
 * WAITING_PAYMENT goes PENDING and on to provisioning; one STOPPED for UNPAID resumes (Dunning).
 */
@Dependent
public class InvoiceSettlement {

    private static final EnumSet<InvoiceStatus> SETTLED = EnumSet.of(InvoiceStatus.PAID, InvoiceStatus.DELAYED, InvoiceStatus.CANCELLED);

    @Inject
    private EntityManager entityManager;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private Lifecycle lifecycle;

    @Inject
    private Provisioning provisioning;

    @Inject
    private Dunning dunning;

    @Inject
    private Clock clock;

    public void paid(Invoice invoice, String reason) {
        Instant now = clock.instant();
        entityManager.flush();
        int changed = NativeSql.of(entityManager, "UPDATE invoice SET status = 'PAID', paid_at = ?, version = version + 1"
                        + " WHERE tenant_id = ? AND id = ? AND status = 'UNPAID'")
                .setParameter(1, LocalDateTime.ofInstant(now, ZoneOffset.UTC)).setParameter(2, tenantContext.requireTenantId())
                .setParameter(3, invoice.getId()).executeUpdate();
        entityManager.refresh(invoice);
        if (changed != 1) {
            throw new Conflict("Invoice " + invoice.getNumber() + " is " + invoice.getStatus() + ": it cannot be paid again");
        }
        Long orderId = invoice.getOrderId().orElse(null);
        for (Subscription subscription : subscriptionsOf(invoice)) {
            if (!subscription.isPaid() && allPaid(subscription)) {
                lifecycle.record(subscription, reason, orderId, new Change.Paid(true));
            }
            if (subscription.getDeploymentStatus() == DeploymentStatus.WAITING_PAYMENT) {
                lifecycle.record(subscription, reason, orderId, new Change.Status(DeploymentStatus.PENDING));
                provisioning.start(subscription, orderId);
            }
            // suspended for an unpaid invoice: back at once when nothing owed holds it past sleepDays any more
            dunning.resumeIfClear(subscription, now, reason + ": invoice " + invoice.getNumber() + " paid, the suspension is lifted", orderId);
        }
    }

    public List<Subscription> subscriptionsOf(Invoice invoice) {
        return entityManager.createQuery("SELECT s FROM Subscription s WHERE s.id IN"
                        + " (SELECT p.subscriptionId FROM Proceed p WHERE p.invoiceId = :invoice) ORDER BY s.id", Subscription.class)
                .setParameter("invoice", invoice.getId()).getResultList();
    }

    private boolean allPaid(Subscription subscription) {
        return entityManager.createQuery("SELECT COUNT(i) FROM Invoice i WHERE i.status NOT IN :settled AND i.id IN"
                        + " (SELECT p.invoiceId FROM Proceed p WHERE p.subscriptionId = :subscription)", Long.class)
                .setParameter("settled", SETTLED).setParameter("subscription", subscription.getId()).getSingleResult() == 0;
    }
}
