package org.cloudmarket.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.cloudmarket.shared.error.InvalidInput;
import org.junit.jupiter.api.Test;

class OrganizationTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void aResellerHangsUnderItsDistributor() {
        Organization distributor = Organization.underTenant(OrganizationKind.DISTRIBUTOR, "Alpine", NOW);

        Organization reseller = Organization.under(distributor, OrganizationKind.RESELLER, "Bright", NOW);

        assertThat(reseller.getParent()).contains(distributor);
    }

    @Test
    void aResellerMaySellDirectlyForTheTenantWhenTheDistributorTierIsOff() {
        assertThat(Organization.underTenant(OrganizationKind.RESELLER, "Bright", NOW).getParent()).isEmpty();
    }

    @Test
    void theChainOnlyGoesResellerToDistributor() {
        Organization vendor = Organization.underTenant(OrganizationKind.VENDOR, "Nimbus", NOW);
        Organization reseller = Organization.underTenant(OrganizationKind.RESELLER, "Bright", NOW);

        assertThatThrownBy(() -> Organization.under(vendor, OrganizationKind.RESELLER, "X", NOW)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Organization.under(reseller, OrganizationKind.DISTRIBUTOR, "X", NOW)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Organization.under(reseller, OrganizationKind.VENDOR, "X", NOW)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void aCustomerMayBelongToAReseller() {
        Organization reseller = Organization.underTenant(OrganizationKind.RESELLER, "Bright", NOW);

        assertThat(Organization.under(reseller, OrganizationKind.CUSTOMER, "Rossi", NOW).getKind()).isEqualTo(OrganizationKind.CUSTOMER);
    }

    @Test
    void aNameIsRequired() {
        assertThatThrownBy(() -> Organization.underTenant(OrganizationKind.VENDOR, "  ", NOW))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("name");
    }
}
