package org.cloudmarket.billing.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cloudmarket.billing.domain.Invoice;
import org.cloudmarket.billing.domain.InvoiceDraft;
import org.cloudmarket.billing.domain.InvoiceKind;
import org.cloudmarket.billing.domain.InvoiceLine;
import org.cloudmarket.billing.domain.Party;
import org.cloudmarket.billing.domain.Proceed;
import org.cloudmarket.billing.domain.RefundNotes;
import org.cloudmarket.billing.domain.TaxSubtotal;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Money;
import org.cloudmarket.shared.persistence.NativeSql;
import org.cloudmarket.shared.tenant.TenantContext;

/**
 * Refunds of a paid invoice (issue 13; DOMAIN, Billing: a refund is a credit invoice referencing the original;
 * Decisions: prepaid time is not refunded unless staff issue a REFUND). The tenant's ADMIN, or the reseller that
 * issued the invoice (anyone else who sees it: 403 by role; who does not: 404), refunds some lines or all that is left
 * ({@link RefundNotes}): a REFUND order (ordering's, through {@link RefundOrders}), a CREDIT_NOTE referencing the
 * invoice (its lines keep the refunded lines' proceeds, which is how later refunds know what was credited), and a
 * REFUND_ISSUED mail to the customer. Only a PAID or DELAYED invoice (else 409). The invoice row is locked first, and
 * what earlier refunds credited is read by locking reads after it, so of two parallel refunds of everything the second
 * waits, then finds nothing left (409).
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.RESELLER})
public class Refunds {

    /** The longest reason a credit note's order and mail carry. */
    public static final int REASON_MAX = 500;

    @Inject
    private EntityManager entityManager;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private Invoices invoices;

    @Inject
    private Invoicing invoicing;

    @Inject
    private InvoiceMail mail;

    @Inject
    private RefundOrders orders;

    @Inject
    private Caller caller;

    public InvoiceView refund(long invoiceId, Optional<List<RefundNotes.Asked>> lines, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > REASON_MAX) {
            throw new InvalidInput("reason", "reason says why, in 1 to " + REASON_MAX + " characters");
        }
        // first statement of the transaction: the row lock, so every read after it sees the refunds committed before
        NativeSql.of(entityManager, "SELECT id FROM invoice WHERE tenant_id = ? AND id = ? FOR UPDATE")
                .setParameter(1, tenantContext.requireTenantId()).setParameter(2, invoiceId).getResultList();
        Invoice invoice = invoices.visible(invoiceId);
        if (invoice.getKind() != InvoiceKind.INVOICE || !invoice.getStatus().countsAsPaid()) {
            throw new Conflict("Invoice " + invoice.getNumber() + " is a " + invoice.getKind() + " " + invoice.getStatus()
                    + ": only a paid invoice is refunded");
        }
        InvoiceDraft credit = RefundNotes.creditNote(paid(invoice), lines);
        long subscriptionId = entityManager.find(Proceed.class, credit.lines().get(0).proceedId()).getSubscriptionId();
        long orderId = orders.place(new RefundOrders.Request(subscriptionId, invoice.getId(), caller.userId(), why,
                credit.total().amount(), invoice.getCurrency()));
        Invoice note = invoicing.refund(invoice, credit, orderId);
        orders.invoiced(orderId, note.getId());
        mail.refunded(note, invoice, why);
        return InvoiceView.of(note, true);
    }

    private RefundNotes.Paid paid(Invoice invoice) {
        Map<Long, BigDecimal> credited = new HashMap<>();
        List<TaxSubtotal> creditedTaxes = new ArrayList<>();
        long tenant = tenantContext.requireTenantId();
        // locking reads: they see every refund committed before this transaction took the invoice's lock
        List<?> notes = NativeSql.of(entityManager, "SELECT id FROM invoice WHERE tenant_id = ? AND credits_invoice_id = ?"
                        + " AND kind = 'CREDIT_NOTE' FOR UPDATE").setParameter(1, tenant).setParameter(2, invoice.getId()).getResultList();
        if (!notes.isEmpty()) {
            String ids = notes.stream().map(id -> String.valueOf(((Number) id).longValue())).collect(Collectors.joining(","));
            for (Object row : NativeSql.of(entityManager, "SELECT proceed_id, net_amount FROM invoice_line WHERE tenant_id = ?"
                    + " AND invoice_id IN (" + ids + ") FOR UPDATE").setParameter(1, tenant).getResultList()) {
                Object[] columns = (Object[]) row;
                if (columns[0] != null) {
                    // a credit line's net is negative: what it credited of the line is its opposite
                    credited.merge(((Number) columns[0]).longValue(), ((BigDecimal) columns[1]).negate(), BigDecimal::add);
                }
            }
            for (Object row : NativeSql.of(entityManager, "SELECT tax_rate, tax_category, tax FROM invoice_tax WHERE tenant_id = ?"
                    + " AND invoice_id IN (" + ids + ") FOR UPDATE").setParameter(1, tenant).getResultList()) {
                Object[] columns = (Object[]) row;
                creditedTaxes.add(new TaxSubtotal((BigDecimal) columns[0], (String) columns[1], Money.zero(invoice.getCurrency()),
                        new Money(((BigDecimal) columns[2]).negate(), invoice.getCurrency())));
            }
        }
        List<RefundNotes.PaidLine> lines = new ArrayList<>();
        for (InvoiceLine line : invoice.getLines()) {
            // a credit line names the refunded line's proceed; a line without one (none is issued so today) cannot be tracked: not refundable
            BigDecimal taken = line.getProceedId().map(proceed -> credited.getOrDefault(proceed, BigDecimal.ZERO))
                    .orElse(line.getNetAmount());
            lines.add(new RefundNotes.PaidLine(line.getId(), line.getProceedId().orElse(null), line.getKind(), line.getDescription(),
                    line.getQuantity(), line.getUnitPrice(), line.getNetAmount(), line.getTaxRate(), line.getTaxCategory(), taken));
        }
        return new RefundNotes.Paid(Party.of(invoice.getIssuerDetails().orElseThrow()), Party.of(invoice.getCustomerDetails().orElseThrow()),
                invoice.getCurrency(), invoice.getTaxNote().orElse(null), lines,
                invoice.getTaxes().stream().map(tax -> new TaxSubtotal(tax.getTaxRate(), tax.getTaxCategory(),
                        new Money(tax.getTaxable(), invoice.getCurrency()), new Money(tax.getTax(), invoice.getCurrency()))).toList(),
                creditedTaxes);
    }
}
