package org.cloudmarket.billing.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * How an invoice number reads: the issuer's prefix, the series of its kind, the year and the gap-free
 * counter, e.g. {@code ACME-2026-000042} or {@code ACME-CN-2026-000001}. The counter comes from the
 * issuing transaction's locked invoice_counter row, never from here.
 */
public final class InvoiceNumbers {

    /** The prefix of an issuer that set none in its billing details. */
    public static final String DEFAULT_PREFIX = "INV";

    private InvoiceNumbers() {
    }

    /** {@code prefix} is the issuer's BillingDetails.invoicePrefix, null or blank when it has none. */
    public static String format(String prefix, InvoiceKind kind, int year, long counter) {
        if (counter < 1) {
            throw new IllegalArgumentException("An invoice counter starts at 1, not " + counter);
        }
        String issuer = prefix == null || prefix.isBlank() ? DEFAULT_PREFIX : prefix.strip();
        String series = series(kind);
        return issuer + (series.isEmpty() ? "" : "-" + series) + "-" + year + "-" + String.format(Locale.ROOT, "%06d", counter);
    }

    /** Invoices, credit notes and pro-formas are numbered apart (DOMAIN, Decisions: Invoices). */
    public static String series(InvoiceKind kind) {
        return switch (kind) {
            case INVOICE -> "";
            case CREDIT_NOTE -> "CN";
            case PRO_FORMA -> "PF";
        };
    }

    /** The year of a number is the issuer's in the tenant's zone: 2026-12-31T23:30Z is 2027 in Rome. */
    public static int yearOf(Instant issuedAt, ZoneId tenantZone) {
        return issuedAt.atZone(tenantZone).getYear();
    }
}
