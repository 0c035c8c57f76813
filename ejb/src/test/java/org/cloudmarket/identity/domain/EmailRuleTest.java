package org.cloudmarket.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.cloudmarket.shared.error.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The platform's one e-mail rule (User.email) and the display name's bound, as every path meets them. */
class EmailRuleTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    /** 243 + "@example.test" (13) = 256 characters: beyond the column's 254. */
    private static final String TOO_LONG = "a".repeat(243) + "@example.test";

    @ParameterizedTest
    @ValueSource(strings = {"a<b@x.com", "Ada <ada@x.com>", "<ada@x.com>", "ada@x.com, bob@x.com", "ada@x.com\r\nBcc: eve@x.com",
            "ada@x", "ada@@x.com", "ada x@x.com", "ada", "", "   ", "ada@x.com (Ada)", "\"Ada\" <ada@x.com>"})
    void whatIsNotOneBareAddressIsRefusedAsEmail(String given) {
        assertThatThrownBy(() -> User.email(given)).isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("email");
        assertThat(User.isEmail(given)).isFalse();
        assertThatThrownBy(() -> new User(given, "Ada", Role.ADMIN, null, "hash", NOW)).isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("email");
    }

    @Test
    void anAddressIsBoundedByItsColumn() {
        String longest = "a".repeat(241) + "@example.test";

        assertThat(User.email(longest)).hasSize(254);
        assertThatThrownBy(() -> User.email(TOO_LONG)).isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("email");
        assertThatThrownBy(() -> User.email(null)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void aGoodAddressIsNormalized() {
        assertThat(User.email("  Ada.Lovelace+news@Example.TEST ")).isEqualTo("ada.lovelace+news@example.test");
        assertThat(User.isEmail("key-0123456789abcdef@api-keys.invalid")).isTrue();
        assertThat(User.isEmail("closed-42@closed.invalid")).isTrue();
    }

    @Test
    void aDisplayNameIsBoundedByItsColumn() {
        User user = new User("ada@example.test", " " + "A".repeat(200) + " ", Role.ADMIN, null, "hash", NOW);

        assertThat(user.getDisplayName()).hasSize(200);
        assertThatThrownBy(() -> new User("ada@example.test", "A".repeat(201), Role.ADMIN, null, "hash", NOW))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).field()).isEqualTo("displayName");
        assertThatThrownBy(() -> user.changeDisplayName("B".repeat(201))).isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("displayName");
        assertThat(user.getDisplayName()).hasSize(200);
    }
}
