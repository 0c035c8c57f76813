package org.cloudmarket.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomDomainTest {

    private static final Instant NOW = Instant.parse("2027-01-01T10:00:00Z");

    @Test
    void theProofIsATxtRecordUnderTheDomainWithTheRequestsOwnSecret() {
        CustomDomain request = new CustomDomain("Shop.Example.COM", 1, 2, NOW);

        assertThat(request.txtName()).isEqualTo("_cloudmarket-challenge.shop.example.com");
        assertThat(request.txtValue()).matches("cloudmarket-domain-verification=[0-9a-f]{32}");
        assertThat(request.isProvenBy(List.of("v=spf1 -all", " " + request.txtValue() + " "))).isTrue();
    }

    @Test
    void anotherRequestsRecordOrNoneProvesNothing() {
        CustomDomain first = new CustomDomain("shop.example.com", 1, 2, NOW);
        CustomDomain second = new CustomDomain("shop.example.com", 3, 4, NOW);

        assertThat(second.txtValue()).isNotEqualTo(first.txtValue());
        assertThat(second.isProvenBy(List.of(first.txtValue()))).isFalse();
        assertThat(second.isProvenBy(List.of())).isFalse();
        assertThat(second.isProvenBy(List.of(second.txtValue() + "x"))).isFalse();
    }
}
