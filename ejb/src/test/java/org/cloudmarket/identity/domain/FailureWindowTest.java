package org.cloudmarket.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailureWindowTest {

    private static final Instant T0 = Instant.parse("2027-01-01T10:00:00Z");
    private final FailureWindow window = new FailureWindow(3, Duration.ofMinutes(15));

    @Test
    void aKeyIsRefusedOnceItReachesTheLimitUntilItsOldestFailureAgesOut() {
        window.recordFailure("acme:ada", T0);
        window.recordFailure("acme:ada", T0.plusSeconds(60));
        assertThat(window.blockedFor("acme:ada", T0.plusSeconds(120))).isEmpty();

        window.recordFailure("acme:ada", T0.plusSeconds(120));

        assertThat(window.blockedFor("acme:ada", T0.plusSeconds(120))).contains(Duration.ofMinutes(13));
        assertThat(window.blockedFor("acme:ada", T0.plus(Duration.ofMinutes(15)))).isEmpty();
    }

    @Test
    void keysAreCountedApart() {
        for (int i = 0; i < 3; i++) {
            window.recordFailure("acme:ada", T0);
        }

        assertThat(window.blockedFor("acme:ada", T0)).isPresent();
        assertThat(window.blockedFor("globex:ada", T0)).isEmpty();
    }

    @Test
    void clearingForgetsTheFailures() {
        for (int i = 0; i < 3; i++) {
            window.recordFailure("acme:ada", T0);
        }

        window.clear("acme:ada");

        assertThat(window.blockedFor("acme:ada", T0)).isEmpty();
    }
}
