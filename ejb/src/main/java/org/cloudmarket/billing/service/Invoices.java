package org.cloudmarket.billing.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.cloudmarket.billing.domain.Invoice;
import org.cloudmarket.billing.domain.InvoiceVisibility;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.shared.paging.CursorQuery;
import org.cloudmarket.shared.paging.Page;
import org.cloudmarket.subscription.service.PartyScopes;

/**
 * Lists and reads invoices, and downloads their PDFs, for whoever {@link InvoiceVisibility} lets see them: the
 * customer its own, a reseller those it issued, the tenant's staff all. Any other invoice is a 404, so its
 * existence is not revealed.
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
        return Page.of(rows, query.page(), Invoice::getId, InvoiceView::of);
    }

    public InvoiceView read(long id) {
        return InvoiceView.of(visible(id));
    }

    public InvoiceDocuments.PdfFile pdf(long id) {
        return documents.render(visible(id).getId());
    }

    /** The invoice if the caller may see it, else a 404: the one check of every single read (payments and declarations too). */
    public Invoice visible(long id) {
        Invoice invoice = entityManager.find(Invoice.class, id);
        if (invoice == null || !visibility().includes(invoice.getCustomerId().orElse(null), invoice.getIssuerId().orElse(null))) {
            throw new NotFound("No invoice " + id);
        }
        return invoice;
    }

    private InvoiceVisibility visibility() {
        return InvoiceVisibility.of(partyScopes.ofCaller());
    }
}
