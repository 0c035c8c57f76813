package org.cloudmarket.ordering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.cloudmarket.identity.domain.Role;
import org.junit.jupiter.api.Test;

class SaleActorsTest {

    private static final long CUSTOMER = 1;
    private static final long RESELLER = 2;
    private static final long VENDOR = 3;
    private static final SaleActors.Sale RESOLD = new SaleActors.Sale(CUSTOMER, RESELLER, true, VENDOR);
    private static final SaleActors.Sale OWN = new SaleActors.Sale(CUSTOMER, null, false, VENDOR);

    private static SaleActors.Actor actor(Role role, Long org) {
        return new SaleActors.Actor(role, org);
    }

    @Test
    void theResellerAuditsWhatItSoldAndTheVendorTheRestStaffAlways() {
        assertThat(SaleActors.decides(actor(Role.RESELLER, RESELLER), RESOLD)).isTrue();
        assertThat(SaleActors.decides(actor(Role.VENDOR, VENDOR), RESOLD)).as("the reseller audits its own sales").isFalse();
        assertThat(SaleActors.decides(actor(Role.VENDOR, VENDOR), OWN)).isTrue();
        assertThat(SaleActors.decides(actor(Role.RESELLER, 9L), RESOLD)).isFalse();
        assertThat(SaleActors.decides(actor(Role.CUSTOMER, CUSTOMER), OWN)).as("its buyer").isFalse();
        assertThat(SaleActors.decides(actor(Role.SUPERVISOR, null), RESOLD)).isTrue();
        assertThat(SaleActors.decides(actor(Role.VENDOR, null), new SaleActors.Sale(CUSTOMER, null, false, null))).isFalse();
    }

    @Test
    void theCustomerItsSellerAndTheAdminChangeASubscriptionNobodyElse() {
        assertThat(SaleActors.changes(actor(Role.CUSTOMER, CUSTOMER), RESOLD)).isTrue();
        assertThat(SaleActors.changes(actor(Role.RESELLER, RESELLER), RESOLD)).isTrue();
        assertThat(SaleActors.changes(actor(Role.ADMIN, null), OWN)).isTrue();
        assertThat(SaleActors.changes(actor(Role.SUPERVISOR, null), OWN)).as("staff who only read").isFalse();
        assertThat(SaleActors.changes(actor(Role.VENDOR, VENDOR), OWN)).as("its vendor reads it").isFalse();
        assertThat(SaleActors.changes(actor(Role.CUSTOMER, 7L), OWN)).isFalse();
    }
}
