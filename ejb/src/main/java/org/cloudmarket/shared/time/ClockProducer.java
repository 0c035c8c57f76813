package org.cloudmarket.shared.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Every service takes its time from an injected {@link Clock}, so tests can move time. Only on a server started with
 * {@code cloudmarket.clock.movable=true} (the integration tests' arquillian.xml, never the run profile) is the clock the
 * system's plus {@code cloudmarket.clock.offset-seconds}, a system property read on every call, so the ITs move it
 * through WildFly's management API while the server runs (issue 13: runs on a moved clock).
 */
@ApplicationScoped
public class ClockProducer {

    static final String MOVABLE = "cloudmarket.clock.movable";
    static final String OFFSET = "cloudmarket.clock.offset-seconds";

    @Produces
    Clock clock() {
        return Boolean.getBoolean(MOVABLE) ? new MovableClock(ZoneOffset.UTC) : Clock.systemUTC();
    }

    /**
     * The system clock plus the offset the property holds at each call (none, or an unreadable one: no offset).
     * Serializable as the system clock is: view- and session-scoped page beans inject the clock, and Weld refuses an
     * unserializable instance for a passivating scope (OffersPage failed to open).
     */
    static final class MovableClock extends Clock implements java.io.Serializable {

        private static final long serialVersionUID = 1L;

        private final ZoneId zone;

        MovableClock(ZoneId zone) {
            this.zone = zone;
        }

        static Duration offset() {
            String value = System.getProperty(OFFSET);
            if (value == null || value.isBlank()) {
                return Duration.ZERO;
            }
            try {
                return Duration.ofSeconds(Long.parseLong(value.strip()));
            } catch (NumberFormatException e) {
                return Duration.ZERO;
            }
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new MovableClock(zone);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset());
        }
    }
}
