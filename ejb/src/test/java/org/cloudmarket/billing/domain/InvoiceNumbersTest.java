package org.cloudmarket.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InvoiceNumbersTest {

    @Test
    void anInvoiceNumberIsThePrefixTheYearAndTheSixDigitCounter() {
        assertThat(InvoiceNumbers.format("ACME", InvoiceKind.INVOICE, 2026, 42)).isEqualTo("ACME-2026-000042");
    }

    @Test
    void creditNotesAndProFormasHaveTheirOwnSeries() {
        assertThat(InvoiceNumbers.format("ACME", InvoiceKind.CREDIT_NOTE, 2026, 1)).isEqualTo("ACME-CN-2026-000001");
        assertThat(InvoiceNumbers.format("ACME", InvoiceKind.PRO_FORMA, 2027, 7)).isEqualTo("ACME-PF-2027-000007");
    }

    @Test
    void anIssuerWithoutAPrefixGetsTheDefault() {
        assertThat(InvoiceNumbers.format(null, InvoiceKind.INVOICE, 2026, 3)).isEqualTo("INV-2026-000003");
        assertThat(InvoiceNumbers.format("  ", InvoiceKind.CREDIT_NOTE, 2026, 3)).isEqualTo("INV-CN-2026-000003");
    }

    @Test
    void aCounterPastSixDigitsWidensTheNumberRatherThanWrapping() {
        assertThat(InvoiceNumbers.format("ACME", InvoiceKind.INVOICE, 2026, 1_234_567)).isEqualTo("ACME-2026-1234567");
    }

    @Test
    void aCounterStartsAtOne() {
        assertThatThrownBy(() -> InvoiceNumbers.format("ACME", InvoiceKind.INVOICE, 2026, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theYearIsTheIssuersInTheTenantsZone() {
        Instant newYearsEveInUtc = Instant.parse("2026-12-31T23:30:00Z");

        assertThat(InvoiceNumbers.yearOf(newYearsEveInUtc, ZoneId.of("Europe/Rome"))).isEqualTo(2027);
        assertThat(InvoiceNumbers.yearOf(newYearsEveInUtc, ZoneOffset.UTC)).isEqualTo(2026);
        assertThat(InvoiceNumbers.yearOf(Instant.parse("2027-01-01T03:00:00Z"), ZoneId.of("America/New_York"))).isEqualTo(2026);
    }

    /** One issuer's numbers never collide across its series, years and counters (its prefix cannot end in CN or PF). */
    @Test
    void oneIssuersSeriesNeverShareANumber() {
        java.util.Set<String> numbers = new java.util.HashSet<>();
        int made = 0;
        for (InvoiceKind kind : InvoiceKind.values()) {
            for (int year = 2026; year <= 2027; year++) {
                for (long counter = 1; counter <= 20; counter++) {
                    numbers.add(InvoiceNumbers.format("ACME", kind, year, counter));
                    made++;
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(numbers).hasSize(made);
        // what the prefix rule forbids: an "ACME-CN" issuer's invoices would read as ACME's credit notes
        org.assertj.core.api.Assertions.assertThat(InvoiceNumbers.format("ACME-CN", InvoiceKind.INVOICE, 2026, 1))
                .isEqualTo(InvoiceNumbers.format("ACME", InvoiceKind.CREDIT_NOTE, 2026, 1));
    }
}
