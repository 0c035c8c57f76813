package org.cloudmarket.catalog.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cloudmarket.shared.error.InvalidInput;

/**
 * How often a metric's endpoint is polled, by SYNDICATION's names (2.10). The platform polls at most once a minute:
 * EVERY_30_SECONDS is polled every minute. A failed poll is retried for the same slot, at 1, 2, 4 ... minutes after
 * each failure, never waiting longer than the interval.
 */
public enum PollFrequency {
    EVERY_30_SECONDS(Duration.ofSeconds(30)),
    EVERY_1_MINUTE(Duration.ofMinutes(1)),
    EVERY_2_MINUTE(Duration.ofMinutes(2)),
    EVERY_5_MINUTES(Duration.ofMinutes(5)),
    EVERY_30_MINUTES(Duration.ofMinutes(30)),
    EVERY_1_HOUR(Duration.ofHours(1)),
    EVERY_24_HOUR(Duration.ofHours(24)),
    EVERY_48_HOUR(Duration.ofHours(48)),
    EVERY_WEEK(Duration.ofDays(7));

    /** The platform's floor: no endpoint is polled more often than this. */
    public static final Duration MINIMUM = Duration.ofMinutes(1);
    private static final int MAX_SHIFT = 20;

    private final Duration declared;

    PollFrequency(Duration declared) {
        this.declared = declared;
    }

    /** A metric's stored frequency; empty for none or a name SYNDICATION does not know. */
    public static Optional<PollFrequency> of(String name) {
        return Arrays.stream(values()).filter(frequency -> frequency.name().equals(name)).findFirst();
    }

    /** The frequency a vendor names, or a 422 naming {@code frequency}. */
    public static PollFrequency named(String name) {
        return of(name).orElseThrow(() -> new InvalidInput("frequency", "frequency is one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))));
    }

    /** The time between two slots: the declared interval, at least a minute. */
    public Duration interval() {
        return declared.compareTo(MINIMUM) < 0 ? MINIMUM : declared;
    }

    /** The wait before retrying a slot that has failed {@code failuresBefore} times before this failure: min(1 min x 2^n, interval). */
    public Duration retryAfter(int failuresBefore) {
        Duration backoff = MINIMUM.multipliedBy(1L << Math.min(Math.max(failuresBefore, 0), MAX_SHIFT));
        return backoff.compareTo(interval()) < 0 ? backoff : interval();
    }

    /**
     * The slot after a polled one: slot + interval; when that is not in the future any more (the poller was away,
     * or a retry succeeded late), the first slot of the same grid after now, so that missed slots are skipped rather
     * than polled in a burst right after the one just polled.
     */
    public Instant nextSlot(Instant polledSlot, Instant now) {
        Instant next = polledSlot.plus(interval());
        if (next.isAfter(now)) {
            return next;
        }
        long behind = Duration.between(next, now).toMillis() / interval().toMillis() + 1;
        return next.plus(interval().multipliedBy(behind));
    }
}
