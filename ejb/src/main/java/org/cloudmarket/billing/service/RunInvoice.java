package org.cloudmarket.billing.service;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cloudmarket.billing.domain.Invoice;
import org.cloudmarket.billing.domain.InvoiceKind;
import org.cloudmarket.billing.domain.Proceed;
import org.cloudmarket.shared.tenant.TenantContext;

/**
 * One invoice of a billing run's invoices step, in its own transaction: the proceeds of one (customer, issuer, currency)
 * issued through Invoicing (numbered from the issuer's counter, locked in this transaction only, so two invoices never
 * hold counters crosswise and a rolled-back one leaves no gap), mailed, and its subscriptions marked unpaid as a first
 * invoice marks them; a zero total is settled at once. A proceed invoiced meanwhile is left out (a restart finds none).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RunInvoice {

    @Inject
    private EntityManager entityManager;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private Invoicing invoicing;

    @Inject
    private IssuedInvoices issuedInvoices;

    @Inject
    private RunInvoices runInvoices;

    /** The groups the tenant's uninvoiced run proceeds make now (none for a live-reporting tenant). */
    public List<RunInvoices.Group> groups(long tenantId, Instant now) {
        return tenantContext.callAs(tenantId, () -> runInvoices.groups(tenantId, now));
    }

    /**
     * Answers the invoice's id, or null when every proceed was invoiced already. The proceeds are locked (FOR UPDATE, in id
     * order, so two issuers never deadlock) until this invoice commits: a second invoicer of the same proceeds (another
     * run, the costs' calendar) waits, then reads them invoiced (a locking read sees the latest row) and leaves them out.
     */
    public Long issue(long tenantId, List<Long> proceedIds, Long orderId, Instant dueAt) {
        return tenantContext.callAs(tenantId, () -> {
            List<Proceed> proceeds = new ArrayList<>(entityManager.createQuery(
                    "SELECT p FROM Proceed p WHERE p.id IN :ids AND p.invoiceId IS NULL ORDER BY p.id", Proceed.class)
                    .setParameter("ids", proceedIds).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList());
            // locked in id order; listed in the lines' own order, whatever order the partitions wrote them in
            proceeds.sort(Proceed.LINE_ORDER);
            if (proceeds.isEmpty()) {
                return null;
            }
            Invoice invoice = invoicing.issue(InvoiceKind.INVOICE, proceeds, orderId, dueAt);
            issuedInvoices.announce(invoice, orderId);
            return invoice.getId();
        });
    }
}
