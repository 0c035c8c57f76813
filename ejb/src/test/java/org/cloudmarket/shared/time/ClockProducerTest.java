package org.cloudmarket.shared.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The movable clock of the ITs (issue 13): only on a movable server, the offset read at every call. */
class ClockProducerTest {

    @AfterEach
    void restore() {
        System.clearProperty(ClockProducer.MOVABLE);
        System.clearProperty(ClockProducer.OFFSET);
    }

    @Test
    void aServerThatIsNotMovableKeepsTheSystemTimeWhateverTheOffset() {
        System.setProperty(ClockProducer.OFFSET, "86400");
        Clock clock = new ClockProducer().clock();
        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void aMovableClockAddsTheOffsetItReadsAtEveryCall() {
        System.setProperty(ClockProducer.MOVABLE, "true");
        Clock clock = new ClockProducer().clock();
        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).as("no offset yet").isLessThan(Duration.ofMinutes(1));

        System.setProperty(ClockProducer.OFFSET, "2592000");
        assertThat(Duration.between(Instant.now().plus(Duration.ofDays(30)), clock.instant()).abs()).as("moved 30 days on, same clock")
                .isLessThan(Duration.ofMinutes(1));

        System.setProperty(ClockProducer.OFFSET, "not a number");
        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).as("an unreadable offset moves nothing").isLessThan(Duration.ofMinutes(1));

        System.clearProperty(ClockProducer.OFFSET);
        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).as("reset").isLessThan(Duration.ofMinutes(1));
    }
}
