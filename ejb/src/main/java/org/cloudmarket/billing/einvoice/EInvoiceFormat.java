package org.cloudmarket.billing.einvoice;

import java.util.Arrays;
import java.util.Locale;
import org.cloudmarket.shared.error.InvalidInput;

/** The e-invoice syntaxes an issued invoice is exported in (BILLING-CONTRACT, E-invoicing). */
public enum EInvoiceFormat {
    /** OASIS UBL 2.1 Invoice or CreditNote, EN 16931 core. */
    UBL("application/xml", "-ubl.xml"),
    /** The invoice PDF as PDF/A-3 with its EN 16931 CII XML embedded as factur-x.xml (ZUGFeRD 2). */
    FACTURX("application/pdf", "-facturx.pdf"),
    /** FatturaPA 1.2.2 (FatturaElettronica FPR12), what Italy's SDI takes: only for an issuer in Italy. */
    FATTURAPA("application/xml", "-fatturapa.xml");

    private final String contentType;
    private final String suffix;

    EInvoiceFormat(String contentType, String suffix) {
        this.contentType = contentType;
        this.suffix = suffix;
    }

    /** The format a client asked for, or a 422 naming {@code format}. */
    public static EInvoiceFormat parse(String given) {
        String name = given == null ? "" : given.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(format -> format.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInput("format", "format is one of " + Arrays.toString(values())));
    }

    public String contentType() {
        return contentType;
    }

    /** The file name of an invoice's export: its number, made safe for a header, and the format's suffix. */
    public String filename(String invoiceNumber) {
        return invoiceNumber.replaceAll("[^A-Za-z0-9._-]", "_") + suffix;
    }
}
