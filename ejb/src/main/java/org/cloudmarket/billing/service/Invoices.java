package org.cloudmarket.billing.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import org.cloudmarket.billing.domain.Invoice;
import org.cloudmarket.billing.domain.InvoiceVisibility;
import org.cloudmarket.billing.einvoice.EInvoiceFormat;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.shared.paging.CursorQuery;
import org.cloudmarket.shared.paging.Page;
import org.cloudmarket.subscription.service.PartyScopes;

/**
 * Lists and reads invoices, and downloads their PDFs, for whoever {@link InvoiceVisibility} lets see them: the
 * customer its own, a reseller those it issued, the tenant's staff all, a vendor the pro-formas of its plans it must
 * declare (without payment details). Any other invoice is a 404, so its existence is not revealed.
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.SUPERVISOR, Role.Names.VENDOR, Role.Names.DISTRIBUTOR, Role.Names.RESELLER,
        Role.Names.CUSTOMER})
public class Invoices {

    @Inject
    private EntityManager entityManager;

    @Inject
    private PartyScopes partyScopes;

    @Inject
    private Caller caller;

    @Inject
    private InvoiceDocuments documents;

    public Page<InvoiceView> list(InvoiceQuery query) {
        InvoiceVisibility visibility = visibility();
        List<Invoice> rows = CursorQuery.of("Invoice", "i", visibility.jpql("i"), query.page())
                .bindIf(visibility.bindsIds(), "scopeIds", visibility.ids()).equal("i.status", query.status()).equal("i.kind", query.kind())
                .within("i.issuedAt", query.from(), query.to()).rows(entityManager, Invoice.class);
        return Page.of(rows, query.page(), Invoice::getId, invoice -> InvoiceView.of(invoice, visibility.seesPaymentDetails(invoice.getCustomerId().orElse(null))));
    }

    public InvoiceView read(long id) {
        InvoiceVisibility visibility = visibility();
        Invoice invoice = visible(id, visibility);
        return InvoiceView.of(invoice, visibility.seesPaymentDetails(invoice.getCustomerId().orElse(null)));
    }

    /**
     * The PDF prints both parties' billing details and the issuer's bank account, so only those who see them may
     * download it (issue 11: the customer, the issuer and the tenant's staff): a vendor reading a pro-forma of its
     * plans, without those details, gets the same 404 as for an invoice it may not see.
     */
    public InvoiceDocuments.PdfFile pdf(long id) {
        InvoiceVisibility visibility = visibility();
        Invoice invoice = visible(id, visibility);
        if (!visibility.seesPaymentDetails(invoice.getCustomerId().orElse(null))) {
            throw new NotFound("No invoice " + id);
        }
        return documents.render(invoice.getId());
    }

    /**
     * An e-invoice carries what the PDF prints (both parties' details, the bank account): the same readers as
     * {@link #pdf}. The format is checked before the invoice is looked at, so a bad one is a 422 for anyone.
     */
    public InvoiceDocuments.EInvoiceFile einvoice(long id, String format) {
        EInvoiceFormat parsed = EInvoiceFormat.parse(format);
        InvoiceVisibility visibility = visibility();
        Invoice invoice = visible(id, visibility);
        if (!visibility.seesPaymentDetails(invoice.getCustomerId().orElse(null))) {
            throw new NotFound("No invoice " + id);
        }
        return documents.einvoice(invoice.getId(), parsed);
    }

    /** The invoice if the caller may see it, else a 404: the one check of every single read (payments and declarations too). */
    public Invoice visible(long id) {
        return visible(id, visibility());
    }

    private Invoice visible(long id, InvoiceVisibility visibility) {
        Invoice invoice = entityManager.find(Invoice.class, id);
        if (invoice == null || !visibility.includes(new InvoiceVisibility.Facts(invoice.getKind(), invoice.getCustomerId().orElse(null),
                invoice.getIssuerId().orElse(null), visibility.needsVendors() ? vendorsOf(id) : Set.of()))) {
            throw new NotFound("No invoice " + id);
        }
        return invoice;
    }

    private Set<Long> vendorsOf(long invoiceId) {
        return Set.copyOf(entityManager.createQuery("SELECT DISTINCT p.vendorId FROM Proceed p WHERE p.invoiceId = :invoice", Long.class)
                .setParameter("invoice", invoiceId).getResultList());
    }

    private InvoiceVisibility visibility() {
        return InvoiceVisibility.of(partyScopes.ofCaller());
    }
}
