package org.cloudmarket.shared.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theWaitDoublesFromFiveSecondsUpToAQuarterOfAnHourAndStaysThere() {
        assertThat(Backoff.after(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(Backoff.after(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Backoff.after(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(Backoff.after(8)).isEqualTo(Duration.ofSeconds(640));
        assertThat(Backoff.after(9)).isEqualTo(Duration.ofMinutes(15));
        assertThat(Backoff.after(64)).isEqualTo(Duration.ofMinutes(15));
        assertThat(Backoff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void attemptsCountFromOne() {
        assertThatThrownBy(() -> Backoff.after(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
