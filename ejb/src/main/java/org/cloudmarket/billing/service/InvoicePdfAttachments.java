package org.cloudmarket.billing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.cloudmarket.messaging.mail.MailAttachmentSource;
import org.cloudmarket.shared.tenant.TenantContext;

/**
 * The INVOICE_ISSUED mail's PDF, rendered again from the invoice when the outbox delivers the mail: the row keeps
 * the invoice's id, never the PDF's bytes. The worker runs outside any request, so this binds the row's tenant
 * itself (a request context of its own) before the rendering transaction opens.
 */
@ApplicationScoped
public class InvoicePdfAttachments implements MailAttachmentSource {

    public static final String SOURCE = "invoice-pdf";

    @Inject
    private TenantContext tenantContext;

    @Inject
    private InvoiceDocuments documents;

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    @ActivateRequestContext
    public Attached render(long tenantId, long invoiceId) {
        InvoiceDocuments.PdfFile pdf = tenantContext.callAs(tenantId, () -> documents.render(invoiceId));
        return new Attached(pdf.filename(), "application/pdf", pdf.bytes());
    }
}
