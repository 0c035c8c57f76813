package org.cloudmarket.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    // A low work factor keeps the test fast; the format and the check are the same.
    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void acceptsTheRightPasswordAndRefusesAWrongOne() {
        String stored = hasher.hash("correct horse");

        assertThat(hasher.verify("correct horse", stored)).isTrue();
        assertThat(hasher.verify("correct hors", stored)).isFalse();
        assertThat(hasher.verify("", stored)).isFalse();
    }

    @Test
    void saltsEveryHashSoEqualPasswordsDoNotLookEqual() {
        assertThat(hasher.hash("demo")).isNotEqualTo(hasher.hash("demo"));
    }

    @Test
    void storesAlgorithmAndWorkFactorSoTheyCanChangeLater() {
        String stored = hasher.hash("demo");

        assertThat(stored).startsWith("pbkdf2-sha256$1000$").doesNotContain("demo");
        assertThat(new PasswordHasher().verify("demo", stored)).isTrue();
    }

    @Test
    void productionWorkFactorMeetsTheOwaspFloorForPbkdf2Sha256() {
        assertThat(new PasswordHasher().hash("demo")).startsWith("pbkdf2-sha256$310000$");
    }

    @Test
    void refusesAStoredValueOfAnotherFormat() {
        assertThat(hasher.verify("demo", "{noop}demo")).isFalse();
    }

    @Test
    void aStoredValueThatIsNoHashCostsAFullCheckLikeAnUnknownEmail() {
        java.util.List<Integer> runs = new java.util.ArrayList<>();
        PasswordHasher counting = new PasswordHasher(1_000, (password, salt, iterations) -> {
            runs.add(iterations);
            return new byte[32];
        });

        for (String noHash : new String[] {"!invited", "!closed", "!api-key", "", "pbkdf2-sha256$broken", null}) {
            runs.clear();
            assertThat(counting.verify("demo", noHash)).as("%s", noHash).isFalse();
            assertThat(runs).as("one PBKDF2 run at the full work factor for %s", noHash).containsExactly(PasswordHasher.ITERATIONS);
        }
        runs.clear();
        counting.spendDecoyTime("demo");
        assertThat(runs).as("as for an unknown e-mail").containsExactly(PasswordHasher.ITERATIONS);
    }
}
