package org.cloudmarket.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.cloudmarket.tenancy.domain.OrganizationKind;
import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void anAdminMayActAsASupervisorAndEveryPartyUser() {
        assertThat(Role.ADMIN.mayImpersonate(Role.SUPERVISOR)).isTrue();
        assertThat(Role.ADMIN.mayImpersonate(Role.VENDOR)).isTrue();
        assertThat(Role.ADMIN.mayImpersonate(Role.CUSTOMER)).isTrue();
    }

    @Test
    void impersonationNeverGoesSidewaysOrUpwards() {
        assertThat(Role.ADMIN.mayImpersonate(Role.ADMIN)).isFalse();
        assertThat(Role.ADMIN.mayImpersonate(Role.SUPER_ADMIN)).isFalse();
        assertThat(Role.SUPERVISOR.mayImpersonate(Role.ADMIN)).isFalse();
        assertThat(Role.SUPERVISOR.mayImpersonate(Role.SUPERVISOR)).isFalse();
    }

    @Test
    void aSupervisorMayActAsPartyUsers() {
        assertThat(Role.SUPERVISOR.mayImpersonate(Role.RESELLER)).isTrue();
        assertThat(Role.SUPERVISOR.mayImpersonate(Role.CUSTOMER)).isTrue();
    }

    @Test
    void partyUsersMayNotImpersonateAnyone() {
        assertThat(Role.RESELLER.mayImpersonate(Role.CUSTOMER)).isFalse();
        assertThat(Role.DISTRIBUTOR.mayImpersonate(Role.RESELLER)).isFalse();
        assertThat(Role.VENDOR.mayImpersonate(Role.CUSTOMER)).isFalse();
    }

    @Test
    void partyRolesBelongToTheirKindOfOrganizationAndStaffToNone() {
        assertThat(Role.VENDOR.organizationKind()).contains(OrganizationKind.VENDOR);
        assertThat(Role.RESELLER.organizationKind()).contains(OrganizationKind.RESELLER);
        assertThat(Role.ADMIN.organizationKind()).isEmpty();
        assertThat(Role.SUPERVISOR.organizationKind()).isEmpty();
    }

    @Test
    void superAdminHoldsOnlyInThePlatformsOwnTenant() {
        assertThat(Role.SUPER_ADMIN.holdsIn(true)).isTrue();
        assertThat(Role.SUPER_ADMIN.holdsIn(false)).isFalse();
        assertThat(Role.ADMIN.holdsIn(false)).isTrue();
        assertThat(Role.CUSTOMER.holdsIn(false)).isTrue();
    }

    @Test
    void onlyCustomersSignInOnACustomDomain() {
        assertThat(Role.CUSTOMER.signsInOnCustomDomains()).isTrue();
        for (Role staff : new Role[] {Role.SUPER_ADMIN, Role.ADMIN, Role.SUPERVISOR, Role.VENDOR, Role.DISTRIBUTOR, Role.RESELLER}) {
            assertThat(staff.signsInOnCustomDomains()).as("%s", staff).isFalse();
        }
    }
}
