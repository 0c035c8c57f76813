package org.cloudmarket.identity.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A fixed window of sign-in attempts: a subject (an account, a client address) may try
 * {@code limit} times in {@link #LENGTH} from its first attempt, then waits for the window to end.
 * The database counts (SignInThrottle); this says what the counts mean.
 */
public record AttemptWindow(String kind, int limit) {

    public static final Duration LENGTH = Duration.ofMinutes(15);

    /** A window that started at or before this instant is over. */
    public static Instant cutoff(Instant now) {
        return now.minus(LENGTH);
    }

    /** How long a subject whose window started then still waits; at least a second. */
    public static Duration retryAfter(Instant windowStart, Instant now) {
        Duration left = Duration.between(now, windowStart.plus(LENGTH));
        return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
    }

    public static String refusal(Instant windowStart, Instant now) {
        long minutes = Math.max(1, (retryAfter(windowStart, now).toSeconds() + 59) / 60);
        return "Too many failed sign-ins; try again in " + minutes + " minute" + (minutes == 1 ? "" : "s");
    }
}
