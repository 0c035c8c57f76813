package org.cloudmarket.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.cloudmarket.subscription.domain.PartyScope;
import org.junit.jupiter.api.Test;

/** Who sees an invoice: its customer, its issuer, the tenant's staff; nobody else (issue 11). */
class InvoiceVisibilityTest {

    private static final long CUSTOMER = 7;
    private static final long RESELLER = 3;

    @Test
    void staffSeeEveryInvoice() {
        InvoiceVisibility staff = InvoiceVisibility.of(PartyScope.ALL, false);
        assertThat(staff.includes(CUSTOMER, RESELLER)).isTrue();
        assertThat(staff.includes(CUSTOMER, null)).isTrue();
        assertThat(staff.jpql("i")).isEqualTo("1 = 1");
    }

    @Test
    void aCustomerSeesItsOwnOnly() {
        InvoiceVisibility customer = InvoiceVisibility.of(new PartyScope(PartyScope.Kind.CUSTOMER, Set.of(CUSTOMER)), false);
        assertThat(customer.includes(CUSTOMER, RESELLER)).isTrue();
        assertThat(customer.includes(8L, RESELLER)).isFalse();
        assertThat(customer.jpql("i")).isEqualTo("i.customerId IN :scopeIds");
    }

    @Test
    void aResellerSeesWhatItIssuedOnly() {
        InvoiceVisibility reseller = InvoiceVisibility.of(new PartyScope(PartyScope.Kind.SELLER, Set.of(RESELLER)), false);
        assertThat(reseller.includes(CUSTOMER, RESELLER)).isTrue();
        assertThat(reseller.includes(CUSTOMER, 4L)).isFalse();
        assertThat(reseller.includes(CUSTOMER, null)).as("the tenant's own invoices").isFalse();
        assertThat(reseller.jpql("i")).isEqualTo("i.issuerId IN :scopeIds");
    }

    @Test
    void aVendorADistributorAndNobodySeeNone() {
        InvoiceVisibility vendor = InvoiceVisibility.of(new PartyScope(PartyScope.Kind.VENDOR, Set.of(CUSTOMER)), false);
        InvoiceVisibility distributor = InvoiceVisibility.of(new PartyScope(PartyScope.Kind.SELLER, Set.of(RESELLER)), true);
        for (InvoiceVisibility none : new InvoiceVisibility[] {vendor, distributor, InvoiceVisibility.of(PartyScope.NONE, false)}) {
            assertThat(none.includes(CUSTOMER, RESELLER)).isFalse();
            assertThat(none.jpql("i")).isEqualTo("1 = 0");
            assertThat(none.bindsIds()).isFalse();
        }
    }
}
