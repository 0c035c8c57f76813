package org.cloudmarket.billing.einvoice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;

/**
 * Factur-X / ZUGFeRD 2 (EN 16931 profile): the invoice's own PDF turned PDF/A-3 by Mustang, with its CII XML
 * ({@link CiiInvoices}) embedded as {@code factur-x.xml} (Mustang's default name for ZUGFeRD 2.1 and later).
 */
public final class FacturX {

    public static final String ATTACHMENT = "factur-x.xml";

    private FacturX() {
    }

    public static byte[] pdf(EInvoiceSource source, byte[] invoicePdf) {
        org.mustangproject.Invoice invoice = CiiInvoices.of(source);
        // the PDF comes from OpenPDF, which writes no PDF/A: Mustang adds the PDF/A-3 metadata and output intent itself
        try (ZUGFeRDExporterFromA3 exporter = new ZUGFeRDExporterFromA3().ignorePDFAErrors().setZUGFeRDVersion(2)
                .setProfile(CiiInvoices.PROFILE).setProducer("Cloudmarket").setCreator("Cloudmarket")
                .load(invoicePdf)) {
            exporter.setTransaction(invoice);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exporter.export(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Invoice " + source.document().number() + " has no Factur-X", e);
        }
    }
}
