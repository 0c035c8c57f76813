package org.cloudmarket.billing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.cloudmarket.billing.domain.Invoice;
import org.cloudmarket.billing.domain.InvoiceDrafts;
import org.cloudmarket.billing.domain.InvoiceKind;
import org.cloudmarket.billing.domain.Party;
import org.cloudmarket.billing.einvoice.EInvoiceFormat;
import org.cloudmarket.billing.einvoice.EInvoiceSource;
import org.cloudmarket.billing.einvoice.FacturX;
import org.cloudmarket.billing.einvoice.FatturaPa;
import org.cloudmarket.billing.einvoice.UblInvoices;
import org.cloudmarket.billing.pdf.InvoiceDocument;
import org.cloudmarket.billing.pdf.InvoicePdf;
import org.cloudmarket.shared.media.ImageStore;
import org.cloudmarket.shared.media.ServedImage;
import org.cloudmarket.tenancy.domain.BillingDetails;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.Storefront;

/**
 * An invoice's PDF and e-invoices, rendered again from the stored invoice whenever it is asked for (the API, the pages, the
 * INVOICE_ISSUED mail at send time), so no PDF bytes are stored. The logo is the issuer's storefront's: the
 * marketplace's for the tenant, the reseller's own for a reseller.
 */
@ApplicationScoped
public class InvoiceDocuments {

    @Inject
    private EntityManager entityManager;

    @Inject
    private ImageStore images;

    @Inject
    private BillingTenant billingTenant;

    /** A PDF and the name it is downloaded under. */
    public record PdfFile(String filename, byte[] bytes) {
    }

    /** Access is the caller's to check (Invoices.pdf); the mail's attachment is rendered for the invoice's own customer. */
    @Transactional
    public PdfFile render(long invoiceId) {
        Invoice invoice = find(invoiceId);
        return new PdfFile(invoice.getNumber() + ".pdf", InvoicePdf.render(document(invoice)));
    }

    /** An e-invoice and the name and content type it is downloaded under. */
    public record EInvoiceFile(String filename, String contentType, byte[] bytes) {
    }

    /**
     * The invoice as an e-invoice of that format (billing.einvoice), from what its PDF prints; access is the caller's
     * to check (Invoices.einvoice). Factur-X is the invoice's own PDF with its XML embedded.
     */
    @Transactional
    public EInvoiceFile einvoice(long invoiceId, EInvoiceFormat format) {
        Invoice invoice = find(invoiceId);
        InvoiceDocument document = document(invoice);
        Optional<Invoice> credited = invoice.getCreditsInvoiceId().map(id -> entityManager.find(Invoice.class, id));
        EInvoiceSource source = new EInvoiceSource(document, invoice.getIssuerDetails().flatMap(BillingDetails::getIban).orElse(null),
                credited.map(Invoice::getNumber).orElse(null),
                credited.map(c -> LocalDate.ofInstant(c.getIssuedAt(), billingTenant.tenant().getTimeZone())).orElse(null));
        byte[] bytes = switch (format) {
            case UBL -> UblInvoices.xml(source);
            case FACTURX -> FacturX.pdf(source, InvoicePdf.render(document));
            case FATTURAPA -> FatturaPa.xml(source);
        };
        return new EInvoiceFile(format.filename(invoice.getNumber()), format.contentType(), bytes);
    }

    private Invoice find(long invoiceId) {
        Invoice invoice = entityManager.find(Invoice.class, invoiceId);
        if (invoice == null) {
            throw new IllegalArgumentException("No invoice " + invoiceId);
        }
        return invoice;
    }

    /** What the invoice's PDF prints: its draft as issued, its dates in the tenant's zone, both parties as copied. */
    private InvoiceDocument document(Invoice invoice) {
        ZoneId zone = billingTenant.tenant().getTimeZone();
        return new InvoiceDocument(InvoiceDrafts.of(invoice), invoice.getNumber(),
                LocalDate.ofInstant(invoice.getIssuedAt(), zone),
                invoice.getKind() == InvoiceKind.CREDIT_NOTE ? null : LocalDate.ofInstant(invoice.getDueAt(), zone),
                invoice.getStatus(), Party.of(invoice.getIssuerDetails().orElseThrow()), Party.of(invoice.getCustomerDetails().orElseThrow()),
                logo(invoice).orElse(null));
    }

    private Optional<byte[]> logo(Invoice invoice) {
        Optional<Storefront> storefront = invoice.getIssuerId()
                .map(id -> entityManager.createNamedQuery(Storefront.OF_OWNER, Storefront.class)
                        .setParameter("owner", entityManager.find(Organization.class, id)).getResultStream().findFirst())
                .orElseGet(() -> entityManager.createNamedQuery(Storefront.OF_MARKETPLACE, Storefront.class).getResultStream().findFirst());
        return storefront.flatMap(Storefront::getLogo).flatMap(logo -> images.serve(logo, digest -> false)).flatMap(ServedImage::data);
    }
}
