package org.cloudmarket.billing.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.cloudmarket.billing.domain.DunningRules;
import org.cloudmarket.billing.domain.Invoice;
import org.cloudmarket.billing.domain.InvoiceKind;
import org.cloudmarket.billing.domain.InvoiceStatus;
import org.cloudmarket.subscription.domain.Change;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.Subscription;
import org.cloudmarket.subscription.service.Lifecycle;

/**
 * The subscription side of {@link DunningRules}: how far its owed invoices have gone, and the resumption of one stopped
 * for UNPAID once none holds it past sleepDays (a payment, a DELAYED invoice, a raised setting). Both the payment
 * (InvoiceSettlement, at once) and the lifecycle run (every hour, for what no payment announced) ask here.
 */
@Dependent
public class Dunning {

    /** The statuses an invoice is owed in; the rules' own list. */
    static final List<InvoiceStatus> OWED = List.of(InvoiceStatus.UNPAID, InvoiceStatus.PENDING, InvoiceStatus.REQUIRES_ACTION);

    @Inject
    private EntityManager entityManager;

    @Inject
    private BillingTenant billingTenant;

    @Inject
    private Lifecycle lifecycle;

    /** The furthest step of the subscription's owed invoices at {@code at}. */
    public DunningRules.Step furthest(Subscription subscription, Instant at) {
        DunningRules.Terms terms = DunningRules.Terms.of(billingTenant.settings(), billingTenant.tenant().getTimeZone());
        return entityManager.createQuery("SELECT i FROM Invoice i WHERE i.kind = :kind AND i.status IN :owed AND i.id IN"
                        + " (SELECT p.invoiceId FROM Proceed p WHERE p.subscriptionId = :subscription)", Invoice.class)
                .setParameter("kind", InvoiceKind.INVOICE).setParameter("owed", OWED).setParameter("subscription", subscription.getId())
                .getResultStream().map(invoice -> DunningRules.step(open(invoice), at, terms))
                .max(Enum::compareTo).orElse(DunningRules.Step.NONE);
    }

    /** Resumes the subscription if the rules say so; true when it did. */
    public boolean resumeIfClear(Subscription subscription, Instant at, String reason, Long orderId) {
        if (subscription.getDeploymentStatus() != DeploymentStatus.STOPPED) {
            return false;
        }
        DunningRules.Action action = DunningRules.action(subscription.getDeploymentStatus(), subscription.getStopReason(),
                furthest(subscription, at));
        if (action != DunningRules.Action.RESUME) {
            return false;
        }
        lifecycle.record(subscription, reason, orderId, new Change.Status(DeploymentStatus.DEPLOYED));
        return true;
    }

    static DunningRules.OpenInvoice open(Invoice invoice) {
        return new DunningRules.OpenInvoice(invoice.getStatus(), invoice.getDueAt(), invoice.getPendingSince(), invoice.getPaused());
    }
}
