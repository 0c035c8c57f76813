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
        InvoiceVisibility staff = InvoiceVisibility.of(PartyScope.ALL);
        assertThat(staff.includes(CUSTOMER, RESELLER)).isTrue();
        assertThat(staff.includes(CUSTOMER, null)).isTrue();
        assertThat(staff.jpql("i")).isEqualTo("1 = 1");
    }

    @Test
    void aCustomerSeesItsOwnOnly() {
        InvoiceVisibility customer = InvoiceVisibility.of(new PartyScope(PartyScope.Kind.CUSTOMER, Set.of(CUSTOMER)));
        assertThat(customer.includes(CUSTOMER, RESELLER)).isTrue();
        assertThat(customer.includes(8L, RESELLER)).isFalse();
        assertThat(customer.jpql("i")).isEqualTo("i.customerId IN :scopeIds");
    }

    @Test
    void aResellerSeesWhatItIssuedOnly() {
        InvoiceVisibility reseller = InvoiceVisibility.of(new PartyScope(PartyScope.Kind.SELLER, Set.of(RESELLER)));
        assertThat(reseller.includes(CUSTOMER, RESELLER)).isTrue();
        assertThat(reseller.includes(CUSTOMER, 4L)).isFalse();
        assertThat(reseller.includes(CUSTOMER, null)).as("the tenant's own invoices").isFalse();
        assertThat(reseller.jpql("i")).isEqualTo("i.issuerId IN :scopeIds");
    }

    @Test
    void aDistributorAndNobodySeeNone() {
        InvoiceVisibility distributor = InvoiceVisibility.of(new PartyScope(PartyScope.Kind.CHANNEL, Set.of(RESELLER)));
        for (InvoiceVisibility none : new InvoiceVisibility[] {distributor, InvoiceVisibility.of(PartyScope.NONE)}) {
            assertThat(none.includes(CUSTOMER, RESELLER)).isFalse();
            assertThat(none.includes(new InvoiceVisibility.Facts(InvoiceKind.PRO_FORMA, CUSTOMER, null, Set.of(RESELLER)))).isFalse();
            assertThat(none.jpql("i")).isEqualTo("1 = 0");
            assertThat(none.bindsIds()).isFalse();
        }
    }

    /** Review 11, #9: a vendor sees the pro-formas it must declare, those the tenant issued for its plans only. */
    @Test
    void aVendorSeesOnlyTheTenantsProFormasOfItsOwnPlansWithoutPaymentDetails() {
        long vendorId = 40L;
        InvoiceVisibility vendor = InvoiceVisibility.of(new PartyScope(PartyScope.Kind.VENDOR, Set.of(vendorId)));

        assertThat(vendor.includes(new InvoiceVisibility.Facts(InvoiceKind.PRO_FORMA, CUSTOMER, null, Set.of(vendorId)))).isTrue();
        assertThat(vendor.includes(new InvoiceVisibility.Facts(InvoiceKind.INVOICE, CUSTOMER, null, Set.of(vendorId))))
                .as("an invoice the tenant collects").isFalse();
        assertThat(vendor.includes(new InvoiceVisibility.Facts(InvoiceKind.PRO_FORMA, CUSTOMER, RESELLER, Set.of(vendorId))))
                .as("a reseller's self-billed pro-forma: the reseller declares it").isFalse();
        assertThat(vendor.includes(new InvoiceVisibility.Facts(InvoiceKind.PRO_FORMA, CUSTOMER, null, Set.of(vendorId, 41L))))
                .as("another vendor's lines too").isFalse();
        assertThat(vendor.includes(new InvoiceVisibility.Facts(InvoiceKind.PRO_FORMA, CUSTOMER, null, Set.of(41L)))).isFalse();
        assertThat(vendor.includes(CUSTOMER, null)).isFalse();
        assertThat(vendor.bindsIds()).isTrue();
        assertThat(vendor.needsVendors()).isTrue();
        assertThat(vendor.seesPaymentDetails(CUSTOMER)).isFalse();
        assertThat(vendor.jpql("i")).contains("i.kind = org.cloudmarket.billing.domain.InvoiceKind.PRO_FORMA", "i.issuerId IS NULL",
                "vp.vendorId IN :scopeIds", "NOT EXISTS");
        assertThat(InvoiceVisibility.of(PartyScope.ALL).seesPaymentDetails(CUSTOMER)).isTrue();
    }

    /** A vendor is the customer of the tenant's invoice of its trial and sandbox costs (VendorCosts): it reads it whole. */
    @Test
    void aVendorSeesTheInvoicesAddressedToItWithTheirPaymentDetails() {
        long vendorId = 40L;
        InvoiceVisibility vendor = InvoiceVisibility.of(new PartyScope(PartyScope.Kind.VENDOR, Set.of(vendorId)));

        assertThat(vendor.includes(new InvoiceVisibility.Facts(InvoiceKind.INVOICE, vendorId, null, Set.of()))).isTrue();
        assertThat(vendor.includes(new InvoiceVisibility.Facts(InvoiceKind.INVOICE, 41L, null, Set.of()))).as("another vendor's").isFalse();
        assertThat(vendor.seesPaymentDetails(vendorId)).isTrue();
        assertThat(vendor.seesPaymentDetails(41L)).isFalse();
        assertThat(vendor.seesPaymentDetails(null)).isFalse();
        assertThat(vendor.jpql("i")).startsWith("(i.customerId IN :scopeIds OR (");
    }
}
