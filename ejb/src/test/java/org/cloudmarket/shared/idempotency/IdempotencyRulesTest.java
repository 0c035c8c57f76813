package org.cloudmarket.shared.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.cloudmarket.shared.error.InvalidInput;
import org.junit.jupiter.api.Test;

class IdempotencyRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final StoredAnswer CREATED = new StoredAnswer(201, "application/json", null, "{\"id\":1}".getBytes());

    @Test
    void aDoneKeyWithTheSameBodyReplaysItsAnswerAndWithAnotherBodyIsRefused() {
        KeyRow done = new KeyRow(1, true, "hash", NOW.minusSeconds(60), NOW.plus(IdempotencyRules.KEPT).minusSeconds(60), CREATED);

        assertThat(IdempotencyRules.taken(done, "hash", NOW)).containsInstanceOf(Reservation.Replay.class)
                .hasValueSatisfying(replay -> assertThat(((Reservation.Replay) replay).answer()).isSameAs(CREATED));
        assertThat(IdempotencyRules.taken(done, "other", NOW)).containsInstanceOf(Reservation.OtherBody.class);
    }

    @Test
    void aRunningKeyIsAConflictUntilItsRequestCountsAsAbandoned() {
        KeyRow running = new KeyRow(1, false, "hash", NOW.minusSeconds(5), NOW.plus(IdempotencyRules.KEPT), null);
        KeyRow abandoned = new KeyRow(1, false, "hash", NOW.minus(IdempotencyRules.ABANDONED), NOW.plus(IdempotencyRules.KEPT), null);

        assertThat(IdempotencyRules.taken(running, "hash", NOW)).containsInstanceOf(Reservation.Running.class);
        assertThat(IdempotencyRules.taken(running, "other", NOW)).containsInstanceOf(Reservation.OtherBody.class);
        assertThat(IdempotencyRules.taken(abandoned, "hash", NOW)).as("taken over").isEmpty();
    }

    @Test
    void anExpiredKeyIsTakenOverWhateverItsBody() {
        KeyRow expired = new KeyRow(1, true, "hash", NOW.minus(IdempotencyRules.KEPT), NOW, CREATED);

        assertThat(IdempotencyRules.taken(expired, "hash", NOW)).isEmpty();
        assertThat(IdempotencyRules.taken(expired, "other", NOW)).isEmpty();
        assertThat(IdempotencyRules.taken(expired, "hash", NOW.minusNanos(1000))).as("a microsecond before").isPresent();
    }

    @Test
    void aKeyHasOneTo255PrintableAsciiCharacters() {
        assertThat(IdempotencyKey.check("a")).isEqualTo("a");
        assertThat(IdempotencyKey.check("~".repeat(255))).hasSize(255);
        assertThat(IdempotencyKey.check("3f2c9e0a-1b7d-4c1e-9a6f-0d2b8e7c5a41")).isNotEmpty();
        for (String bad : new String[] {"", "x".repeat(256), "with space", "tab\t", "caf\u00e9", "line\n"}) {
            assertThatThrownBy(() -> IdempotencyKey.check(bad)).as("%s", bad).isInstanceOf(InvalidInput.class)
                    .extracting(failure -> ((InvalidInput) failure).field()).isEqualTo("Idempotency-Key");
        }
    }

    @Test
    void onlyAnswersOfTheRequestItselfAreKept() {
        assertThat(StoredAnswer.kept(201)).isTrue();
        assertThat(StoredAnswer.kept(422)).isTrue();
        assertThat(StoredAnswer.kept(409)).isTrue();
        assertThat(StoredAnswer.kept(500)).isFalse();
        assertThat(StoredAnswer.kept(503)).isFalse();
    }
}
