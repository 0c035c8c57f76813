package org.cloudmarket.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cloudmarket.shared.error.InvalidInput;
import org.junit.jupiter.api.Test;

/** A seller's bank account and invoice prefix: what only sellers' and vendors' details carry. */
class SellerBillingDetailsRulesTest {

    private static BillingDetailsInput seller(String iban, String prefix) {
        return new BillingDetailsInput("COMPANY", "Bright IT Srl", "Via Roma 1", "Milano", "20121", "IT",
                "IT01234567897", null, null, null, iban, prefix);
    }

    @Test
    void aValidIbanIsKeptWithoutSpacesInCapitals() {
        BillingDetails details = BillingDetailsRules.seller(seller("it60 x054 2811 1010 0000 0123 456", "BIT-"));

        assertThat(details.getIban()).contains("IT60X0542811101000000123456");
        assertThat(details.getInvoicePrefix()).contains("BIT-");
    }

    @Test
    void anIbanWithWrongCheckDigitsNamesTheField() {
        assertThatThrownBy(() -> BillingDetailsRules.seller(seller("IT61X0542811101000000123456", null)))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).field()).isEqualTo("iban");
        assertThatThrownBy(() -> BillingDetailsRules.seller(seller("not an iban", null)))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).field()).isEqualTo("iban");
    }

    @Test
    void aPrefixIsShortAndPlain() {
        assertThatThrownBy(() -> BillingDetailsRules.seller(seller(null, "INVOICES-OF-BRIGHT-IT-2026")))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).field()).isEqualTo("invoicePrefix");
        assertThatThrownBy(() -> BillingDetailsRules.seller(seller(null, "A B")))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).field()).isEqualTo("invoicePrefix");
    }

    @Test
    void bothAreOptionalAndACustomerNeverCarriesThem() {
        BillingDetails none = BillingDetailsRules.seller(seller(" ", null));
        assertThat(none.getIban()).isEmpty();
        assertThat(none.getInvoicePrefix()).isEmpty();

        BillingDetails customer = BillingDetailsRules.customer(new BillingDetailsInput("COMPANY", "Bright IT Srl", "Via Roma 1",
                "Milano", "20121", "IT", "IT01234567897", "01234567897", "M5UXCR1", null, "IT60X0542811101000000123456", "BIT"));
        assertThat(customer.getIban()).isEmpty();
        assertThat(customer.getInvoicePrefix()).isEmpty();
    }
}
