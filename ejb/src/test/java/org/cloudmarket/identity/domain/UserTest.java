package org.cloudmarket.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.OrganizationKind;
import org.junit.jupiter.api.Test;

class UserTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void emailsAreStoredLowerCaseAndTrimmed() {
        User user = new User("  Ada@Acme.TEST ", "Ada", Role.ADMIN, null, "hash", NOW);

        assertThat(user.getEmail()).isEqualTo("ada@acme.test");
    }

    @Test
    void aVendorUserMustBelongToAVendor() {
        Organization reseller = Organization.underTenant(OrganizationKind.RESELLER, "Bright", NOW);

        assertThatThrownBy(() -> new User("v@acme.test", "Vera", Role.VENDOR, reseller, "hash", NOW))
                .isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("organization");
        assertThatThrownBy(() -> new User("v@acme.test", "Vera", Role.VENDOR, null, "hash", NOW))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void tenantStaffBelongToNoOrganization() {
        Organization vendor = Organization.underTenant(OrganizationKind.VENDOR, "Nimbus", NOW);

        assertThatThrownBy(() -> new User("a@acme.test", "Ada", Role.ADMIN, vendor, "hash", NOW))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void refusesAnAddressThatIsNotAnEmail() {
        assertThatThrownBy(() -> new User("not-an-email", "Ada", Role.ADMIN, null, "hash", NOW))
                .isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("email");
    }
}
