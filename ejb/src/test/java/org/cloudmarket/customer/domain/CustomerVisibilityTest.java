package org.cloudmarket.customer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.cloudmarket.customer.domain.CustomerVisibility.Access;
import org.cloudmarket.customer.domain.CustomerVisibility.Placement;
import org.cloudmarket.customer.domain.CustomerVisibility.ScopeKind;
import org.cloudmarket.customer.domain.CustomerVisibility.Viewer;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.tenancy.domain.PartyKind;
import org.junit.jupiter.api.Test;

/** Rossi (id 30) buys from Bright (20), which resells for Alpine (10); Cloudy (21) and Boreal (11) are their peers. */
class CustomerVisibilityTest {

    private static final Placement ROSSI = new Placement(30L, 20L, 10L);
    private static final Placement DIRECT = new Placement(31L, null, null);

    @Test
    void staffSeeEveryCustomerAndOnlyTheAdminClosesOne() {
        assertThat(CustomerVisibility.access(new Viewer(Role.ADMIN, null), ROSSI)).isEqualTo(Access.OWN);
        assertThat(CustomerVisibility.access(new Viewer(Role.ADMIN, null), DIRECT)).isEqualTo(Access.OWN);
        Access supervisor = CustomerVisibility.access(new Viewer(Role.SUPERVISOR, null), ROSSI);
        assertThat(supervisor.personalData()).isTrue();
        assertThat(supervisor.mayEdit()).isTrue();
        assertThat(supervisor.mayClose()).isFalse();
        assertThat(supervisor.mayExport()).isFalse();
    }

    @Test
    void aResellerManagesItsOwnCustomersOnlyAndClosesNone() {
        Access bright = CustomerVisibility.access(new Viewer(Role.RESELLER, 20L), ROSSI);
        assertThat(bright).isEqualTo(Access.MANAGE);
        assertThat(bright.mayClose()).isFalse();
        assertThat(CustomerVisibility.access(new Viewer(Role.RESELLER, 21L), ROSSI)).isEqualTo(Access.NONE);
        assertThat(CustomerVisibility.access(new Viewer(Role.RESELLER, 20L), DIRECT)).isEqualTo(Access.NONE);
    }

    @Test
    void aDistributorSeesItsResellersCustomersWithoutPersonalDataAndEditsNothing() {
        Access alpine = CustomerVisibility.access(new Viewer(Role.DISTRIBUTOR, 10L), ROSSI);
        assertThat(alpine).isEqualTo(Access.WITHOUT_PERSONAL_DATA);
        assertThat(alpine.visible()).isTrue();
        assertThat(alpine.personalData()).isFalse();
        assertThat(alpine.mayEdit()).isFalse();
        assertThat(alpine.showsName(PartyKind.COMPANY)).isTrue();
        assertThat(alpine.showsName(PartyKind.PERSON)).isFalse();
        assertThat(alpine.showsName(null)).isFalse();
        assertThat(CustomerVisibility.access(new Viewer(Role.DISTRIBUTOR, 11L), ROSSI)).isEqualTo(Access.NONE);
        assertThat(CustomerVisibility.access(new Viewer(Role.DISTRIBUTOR, 10L), DIRECT)).isEqualTo(Access.NONE);
    }

    @Test
    void aCustomerOwnsItselfAndSeesNoOtherCustomer() {
        assertThat(CustomerVisibility.access(new Viewer(Role.CUSTOMER, 30L), ROSSI)).isEqualTo(Access.OWN);
        assertThat(CustomerVisibility.access(new Viewer(Role.CUSTOMER, 31L), ROSSI)).isEqualTo(Access.NONE);
    }

    @Test
    void vendorsSeeNoCustomer() {
        assertThat(CustomerVisibility.access(new Viewer(Role.VENDOR, 20L), ROSSI)).isEqualTo(Access.NONE);
        assertThat(CustomerVisibility.scope(new Viewer(Role.VENDOR, 20L)).kind()).isEqualTo(ScopeKind.NOTHING);
        assertThat(CustomerVisibility.access(new Viewer(Role.SUPER_ADMIN, null), ROSSI)).isEqualTo(Access.NONE);
    }

    @Test
    void theListStartsFromTheCustomersTheRoleCanSee() {
        assertThat(CustomerVisibility.scope(new Viewer(Role.SUPERVISOR, null)).kind()).isEqualTo(ScopeKind.ALL);
        assertThat(CustomerVisibility.scope(new Viewer(Role.RESELLER, 20L)))
                .isEqualTo(new CustomerVisibility.Scope(ScopeKind.OF_RESELLER, 20L));
        assertThat(CustomerVisibility.scope(new Viewer(Role.DISTRIBUTOR, 10L)))
                .isEqualTo(new CustomerVisibility.Scope(ScopeKind.OF_DISTRIBUTOR, 10L));
        assertThat(CustomerVisibility.scope(new Viewer(Role.CUSTOMER, 30L)))
                .isEqualTo(new CustomerVisibility.Scope(ScopeKind.ITSELF, 30L));
    }

    @Test
    void resellersAndStaffAddCustomersDistributorsVendorsAndCustomersDoNot() {
        assertThat(CustomerVisibility.mayCreate(new Viewer(Role.RESELLER, 20L))).isTrue();
        assertThat(CustomerVisibility.mayCreate(new Viewer(Role.ADMIN, null))).isTrue();
        assertThat(CustomerVisibility.mayCreate(new Viewer(Role.SUPERVISOR, null))).isTrue();
        assertThat(CustomerVisibility.mayCreate(new Viewer(Role.DISTRIBUTOR, 10L))).isFalse();
        assertThat(CustomerVisibility.mayCreate(new Viewer(Role.VENDOR, 5L))).isFalse();
        assertThat(CustomerVisibility.mayCreate(new Viewer(Role.CUSTOMER, 30L))).isFalse();
    }
}
