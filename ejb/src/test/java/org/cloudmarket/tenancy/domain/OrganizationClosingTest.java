package org.cloudmarket.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.cloudmarket.shared.error.InvalidInput;
import org.junit.jupiter.api.Test;

class OrganizationClosingTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aClosedCustomerIsANamelessShellWithoutBillingDetails() {
        Organization customer = Organization.underTenant(OrganizationKind.CUSTOMER, "Mario Rossi", NOW);
        customer.changeBillingDetails(BillingDetailsRules.customer(new BillingDetailsInput("PERSON", "Mario Rossi",
                "Hauptstrasse 1", "Berlin", "10115", "DE", null, null, null, null, null, null)));

        customer.close(NOW);

        assertThat(customer.getName()).doesNotContain("Mario").doesNotContain("Rossi");
        assertThat(customer.getBillingDetails()).isEmpty();
        assertThat(customer.getClosedAt()).contains(NOW);
    }

    @Test
    void onlyACustomerCloses() {
        Organization reseller = Organization.underTenant(OrganizationKind.RESELLER, "Bright", NOW);

        assertThatThrownBy(() -> reseller.close(NOW)).isInstanceOf(InvalidInput.class);
    }
}
