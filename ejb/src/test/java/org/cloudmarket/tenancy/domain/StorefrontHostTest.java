package org.cloudmarket.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorefrontHostTest {

    @Test
    void hostNamesCompareWithoutCasePortOrRootDot() {
        assertThat(StorefrontHost.normalize("Acme.LocalHost:8080")).isEqualTo("acme.localhost");
        assertThat(StorefrontHost.normalize("shop.example.com.")).isEqualTo("shop.example.com");
        assertThat(StorefrontHost.normalize("reseller.acme.localhost")).isEqualTo("reseller.acme.localhost");
    }

    @Test
    void anIpv6LiteralKeepsItsColons() {
        assertThat(StorefrontHost.normalize("[::1]:8080")).isEqualTo("[::1]");
        assertThat(StorefrontHost.normalize("[::1]")).isEqualTo("[::1]");
    }
}
