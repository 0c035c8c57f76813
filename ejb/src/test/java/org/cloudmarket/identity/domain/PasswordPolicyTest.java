package org.cloudmarket.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cloudmarket.shared.error.InvalidInput;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void aLongUncommonPasswordPasses() {
        assertThat(PasswordPolicy.check("correct horse battery staple")).isEqualTo("correct horse battery staple");
    }

    @Test
    void elevenCharactersAreTooFewTwelveAreEnough() {
        assertThatThrownBy(() -> PasswordPolicy.check("k8#Vq2!mZp4")).isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("password");
        assertThat(PasswordPolicy.check("k8#Vq2!mZp4w")).isEqualTo("k8#Vq2!mZp4w");
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        // Six emoji are twelve UTF-16 units but six characters.
        assertThatThrownBy(() -> PasswordPolicy.check("\uD83D\uDE00".repeat(6))).isInstanceOf(InvalidInput.class);
    }

    @Test
    void aMissingOrOverlongPasswordIsRefused() {
        assertThatThrownBy(() -> PasswordPolicy.check(null)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> PasswordPolicy.check("x".repeat(PasswordPolicy.MAXIMUM_LENGTH + 1))).isInstanceOf(InvalidInput.class);
    }

    @Test
    void theMostCommonLongPasswordsAreRefusedWhateverTheirCase() {
        for (String common : new String[] {"q1w2e3r4t5y6", "1qaz2wsx3edc", "qwerty123456", "password1234", "Password1234",
                "QWERTYUIOP12", "iloveyou1234", "123456789012", "justinbieber"}) {
            assertThatThrownBy(() -> PasswordPolicy.check(common)).as(common).isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("most common");
        }
    }

    @Test
    void theShippedListHoldsTheLongEntriesOfAHundredThousandMostCommonPasswords() {
        // The NCSC's top 100,000 has about 1,200 entries of 12+ characters; a placeholder of a few fails here.
        assertThat(PasswordPolicy.listSize()).isGreaterThan(1_000);
    }
}
