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

    /** Page beans of passivating scopes inject the clock: Weld refuses an instance that does not serialize (WELD-000054). */
    @Test
    void aMovableClockSerializesAsTheSystemClockDoes() throws Exception {
        System.setProperty(ClockProducer.MOVABLE, "true");
        Clock clock = new ClockProducer().clock();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(clock);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            System.setProperty(ClockProducer.OFFSET, "86400");
            Clock back = (Clock) in.readObject();
            assertThat(Duration.between(Instant.now().plus(Duration.ofDays(1)), back.instant()).abs()).as("still movable")
                    .isLessThan(Duration.ofMinutes(1));
        }
    }
}
