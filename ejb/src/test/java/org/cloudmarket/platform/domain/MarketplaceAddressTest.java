package org.cloudmarket.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarketplaceAddressTest {

    @Test
    void keepsTheSchemeAndPortOfTheOperatorsRequest() {
        assertThat(MarketplaceAddress.of("http://platform.localhost:8080", "initech")).isEqualTo("http://initech.localhost:8080");
    }

    @Test
    void aDefaultPortStaysOutOfTheAddress() {
        assertThat(MarketplaceAddress.of("https://platform.localhost", "initech")).isEqualTo("https://initech.localhost");
    }

    @Test
    void withoutARequestTheAddressIsHttps() {
        assertThat(MarketplaceAddress.of(null, "initech")).isEqualTo("https://initech.localhost");
    }
}
