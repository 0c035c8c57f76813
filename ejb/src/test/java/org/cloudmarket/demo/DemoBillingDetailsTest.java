package org.cloudmarket.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.cloudmarket.tenancy.domain.BillingDetails;
import org.junit.jupiter.api.Test;

/** Seeding runs every demo value through BillingDetailsRules: one that failed would stop the deployment. */
class DemoBillingDetailsTest {

    @Test
    void everyDemoPartysBillingDetailsPassTheRules() {
        assertThat(DemoBillingDetails.checkAll()).hasSize(14)
                .allSatisfy(details -> assertThat(details.getVatNumber()).isPresent());
    }

    @Test
    void rossiCostruzioniHasWhatAnItalianEInvoiceNeeds() {
        BillingDetails rossi = DemoBillingDetails.checkAll().stream()
                .filter(details -> details.getLegalName().startsWith("Rossi")).findFirst().orElseThrow();

        assertThat(rossi.getVatNumber()).contains("IT11847263503");
        assertThat(rossi.getFiscalCode()).contains("11847263503");
        assertThat(rossi.getSdiCode()).contains("M5UXCR1");
    }

    @Test
    void sellersAndVendorsHaveABankAccountAndAnInvoicePrefix() {
        assertThat(DemoBillingDetails.checkAll()).filteredOn(details -> details.getSdiCode().isEmpty() && !details.getCountry().equals("US")
                        && !details.getLegalName().equals("Backhaus Weber GmbH")) // the customers: Rossi (SDI), Initech (US), Backhaus Weber
                .allSatisfy(details -> {
                    assertThat(details.getIban()).isPresent();
                    assertThat(details.getInvoicePrefix()).isPresent();
                });
    }
}
