package org.cloudmarket.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AttemptWindowTest {

    private static final Instant T0 = Instant.parse("2027-01-01T10:00:00Z");

    @Test
    void aWindowIsOverFifteenMinutesAfterItsFirstAttempt() {
        assertThat(AttemptWindow.cutoff(T0.plus(Duration.ofMinutes(15)))).isEqualTo(T0);
    }

    @Test
    void theWaitIsWhatIsLeftOfTheWindowAndAtLeastASecond() {
        assertThat(AttemptWindow.retryAfter(T0, T0.plusSeconds(60))).isEqualTo(Duration.ofMinutes(14));
        assertThat(AttemptWindow.retryAfter(T0, T0.plus(Duration.ofMinutes(15)))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theRefusalSaysHowManyMinutesToWaitRoundedUp() {
        assertThat(AttemptWindow.refusal(T0, T0.plusSeconds(60))).isEqualTo("Too many failed sign-ins; try again in 14 minutes");
        assertThat(AttemptWindow.refusal(T0, T0.plusSeconds(14 * 60 + 30))).isEqualTo("Too many failed sign-ins; try again in 1 minute");
    }
}
