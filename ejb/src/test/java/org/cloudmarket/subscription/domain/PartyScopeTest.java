package org.cloudmarket.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one read rule of orders, subscriptions and invoices: what each kind of scope lets in, in memory and in JPQL. */
class PartyScopeTest {

    private static final long CUSTOMER = 10L;
    private static final long RESELLER = 20L;
    private static final long VENDOR = 30L;

    @Test
    void staffSeeEveryRowAndNobodySeesNone() {
        assertThat(PartyScope.ALL.includes(CUSTOMER, null, VENDOR)).isTrue();
        assertThat(PartyScope.ALL.includes(null, null, null)).isTrue();
        assertThat(PartyScope.ALL.jpql("o")).isEqualTo("1 = 1");
        assertThat(PartyScope.ALL.bindsIds()).isFalse();
        assertThat(PartyScope.NONE.includes(CUSTOMER, RESELLER, VENDOR)).isFalse();
        assertThat(PartyScope.NONE.jpql("o")).isEqualTo("1 = 0");
        assertThat(PartyScope.NONE.bindsIds()).isFalse();
    }

    @Test
    void eachPartyKindMatchesItsOwnColumnOnly() {
        PartyScope customer = new PartyScope(PartyScope.Kind.CUSTOMER, Set.of(CUSTOMER));
        PartyScope seller = new PartyScope(PartyScope.Kind.SELLER, Set.of(RESELLER));
        PartyScope vendor = new PartyScope(PartyScope.Kind.VENDOR, Set.of(VENDOR));

        assertThat(customer.includes(CUSTOMER, RESELLER, VENDOR)).isTrue();
        assertThat(customer.includes(11L, RESELLER, VENDOR)).isFalse();
        assertThat(customer.includes(null, CUSTOMER, CUSTOMER)).as("its id in another column").isFalse();
        assertThat(seller.includes(CUSTOMER, RESELLER, VENDOR)).isTrue();
        assertThat(seller.includes(RESELLER, null, RESELLER)).as("a tenant's sale").isFalse();
        assertThat(vendor.includes(CUSTOMER, RESELLER, VENDOR)).isTrue();
        assertThat(vendor.includes(VENDOR, VENDOR, 31L)).isFalse();

        assertThat(customer.jpql("o")).isEqualTo("o.customerId IN :scopeIds");
        assertThat(seller.jpql("s")).isEqualTo("s.sellerId IN :scopeIds");
        assertThat(vendor.jpql("o")).isEqualTo("o.vendorId IN :scopeIds");
        assertThat(customer.bindsIds() && seller.bindsIds() && vendor.bindsIds()).isTrue();
    }

    @Test
    void aDistributorReadsItsResellersSalesWithoutTheBuyersDetails() {
        PartyScope channel = new PartyScope(PartyScope.Kind.CHANNEL, Set.of(RESELLER, 21L));

        assertThat(channel.includes(CUSTOMER, 21L, VENDOR)).isTrue();
        assertThat(channel.includes(CUSTOMER, null, VENDOR)).isFalse();
        assertThat(channel.jpql("o")).isEqualTo("o.sellerId IN :scopeIds");
        assertThat(channel.bindsIds()).isTrue();
        assertThat(channel.seesBuyerDetails()).isFalse();
        assertThat(new PartyScope(PartyScope.Kind.VENDOR, Set.of(VENDOR)).seesBuyerDetails()).isFalse();
        assertThat(new PartyScope(PartyScope.Kind.SELLER, Set.of(RESELLER)).seesBuyerDetails()).isTrue();
        assertThat(PartyScope.ALL.seesBuyerDetails()).isTrue();
    }
}
