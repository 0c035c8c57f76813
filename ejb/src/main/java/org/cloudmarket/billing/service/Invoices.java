package org.cloudmarket.billing.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.Set;
import org.cloudmarket.billing.domain.Invoice;
import org.cloudmarket.billing.domain.InvoiceVisibility;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.shared.error.NotFound;
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
        StringBuilder jpql = new StringBuilder("SELECT i FROM Invoice i WHERE ").append(visibility.jpql("i")).append(" AND i.id < :before");
        if (query.status() != null) {
            jpql.append(" AND i.status = :status");
        }
        if (query.kind() != null) {
            jpql.append(" AND i.kind = :kind");
        }
        if (query.from() != null) {
            jpql.append(" AND i.issuedAt >= :from");
        }
        if (query.to() != null) {
            jpql.append(" AND i.issuedAt < :to");
        }
        TypedQuery<Invoice> rows = entityManager.createQuery(jpql.append(" ORDER BY i.id DESC").toString(), Invoice.class)
                .setParameter("before", query.page().beforeId()).setMaxResults(query.page().fetch());
        if (visibility.bindsIds()) {
            rows.setParameter("scopeIds", visibility.ids());
        }
        if (query.status() != null) {
            rows.setParameter("status", query.status());
        }
        if (query.kind() != null) {
            rows.setParameter("kind", query.kind());
        }
        if (query.from() != null) {
            rows.setParameter("from", query.from());
        }
        if (query.to() != null) {
            rows.setParameter("to", query.to());
        }
        return Page.of(rows.getResultList(), query.page(), Invoice::getId, invoice -> InvoiceView.of(invoice, visibility.seesPaymentDetails()));
    }

    public InvoiceView read(long id) {
        InvoiceVisibility visibility = visibility();
        return InvoiceView.of(visible(id, visibility), visibility.seesPaymentDetails());
    }

    public InvoiceDocuments.PdfFile pdf(long id) {
        return documents.render(visible(id).getId());
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
