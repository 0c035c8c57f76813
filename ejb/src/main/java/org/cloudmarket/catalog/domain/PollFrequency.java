package org.cloudmarket.catalog.domain;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.cloudmarket.shared.error.InvalidInput;

/**
 * How often the platform polls a metric's endpoint, by SYNDICATION's names (2.10). The platform
 * polls at most once a minute, so EVERY_30_SECONDS polls every minute.
 */
public enum PollFrequency {
    EVERY_30_SECONDS(Duration.ofMinutes(1)),
    EVERY_1_MINUTE(Duration.ofMinutes(1)),
    EVERY_2_MINUTE(Duration.ofMinutes(2)),
    EVERY_5_MINUTES(Duration.ofMinutes(5)),
    EVERY_30_MINUTES(Duration.ofMinutes(30)),
    EVERY_1_HOUR(Duration.ofHours(1)),
    EVERY_24_HOUR(Duration.ofHours(24)),
    EVERY_48_HOUR(Duration.ofHours(48)),
    EVERY_WEEK(Duration.ofDays(7));

    private final Duration every;

    PollFrequency(Duration every) {
        this.every = every;
    }

    /** The time between two polls, never under a minute. */
    public Duration every() {
        return every;
    }

    /** The frequency of that name, or a 422 naming {@code frequency}. */
    public static PollFrequency named(String name) {
        return Arrays.stream(values()).filter(value -> value.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInput("frequency", "frequency is one of "
                        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))));
    }
}
