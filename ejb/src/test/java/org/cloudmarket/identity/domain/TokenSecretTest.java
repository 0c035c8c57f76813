package org.cloudmarket.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenSecretTest {

    @Test
    void secretsCarry256RandomBitsInAUrlSafeForm() {
        String secret = TokenSecret.generate();

        assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(TokenSecret.generate()).isNotEqualTo(secret);
    }

    @Test
    void theStoredHashIsTheHexSha256OfTheSecret() {
        assertThat(TokenSecret.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
