package org.cloudmarket.billing.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cloudmarket.tenancy.domain.BillingDetails;
import org.cloudmarket.tenancy.domain.BillingDetailsInput;
import org.cloudmarket.tenancy.domain.BillingDetailsRules;
import org.junit.jupiter.api.Test;

/** A run's invoice rows carry each party's billing details in the columns the Invoice entity maps them to. */
class RunInvoiceWritesTest {

    @Test
    void aPartysDetailsFillItsTwelveColumnsInOrder() {
        BillingDetails details = BillingDetailsRules.customer(new BillingDetailsInput("COMPANY", "Rossi Costruzioni S.r.l.", "Via Roma 1",
                "Milano", "20121", "IT", "IT01234567897", "01234567897", "M5UXCR1", null, null, null));

        assertThat(RunInvoiceWrites.details(details)).containsExactly("COMPANY", "Rossi Costruzioni S.r.l.", "Via Roma 1", "Milano",
                "20121", "IT", "IT01234567897", "01234567897", "M5UXCR1", null, null, null);
        List<String> issuer = RunInvoiceWrites.INVOICE_COLUMNS.stream().filter(column -> column.startsWith("issuer_")).skip(3).toList();
        List<String> customer = RunInvoiceWrites.INVOICE_COLUMNS.stream().filter(column -> column.startsWith("customer_")).skip(2).toList();
        List<String> suffixes = List.of("party_kind", "legal_name", "address_line", "city", "postal_code", "country", "vat_number",
                "fiscal_code", "sdi_code", "pec", "iban", "invoice_prefix");
        assertThat(issuer).containsExactlyElementsOf(suffixes.stream().map(suffix -> "issuer_" + suffix).toList());
        assertThat(customer).containsExactlyElementsOf(suffixes.stream().map(suffix -> "customer_" + suffix).toList());
    }
}
