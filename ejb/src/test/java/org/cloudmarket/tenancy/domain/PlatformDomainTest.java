package org.cloudmarket.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlatformDomainTest {

    @Test
    void theTenantsSubDomainAndNamesUnderItAreItsOwn() {
        assertThat(PlatformDomain.isTenantHost("acme.localhost", "acme")).isTrue();
        assertThat(PlatformDomain.isTenantHost("reseller.acme.localhost", "acme")).isTrue();
    }

    @Test
    void anyOtherNameIsACustomDomainEvenIfItLooksAlike() {
        assertThat(PlatformDomain.isTenantHost("shop.cloudy-partners.example", "acme")).isFalse();
        assertThat(PlatformDomain.isTenantHost("evilacme.localhost", "acme")).isFalse();
        assertThat(PlatformDomain.isTenantHost("acme.localhost.example", "acme")).isFalse();
        assertThat(PlatformDomain.isTenantHost("globex.localhost", "acme")).isFalse();
    }

    @Test
    void theTenantsOriginKeepsTheRequestsSchemeAndPort() {
        assertThat(PlatformDomain.tenantOrigin("http://shop.cloudy.example:8080", "acme")).isEqualTo("http://acme.localhost:8080");
        assertThat(PlatformDomain.tenantOrigin("https://shop.cloudy.example", "acme")).isEqualTo("https://acme.localhost");
    }
}
