package org.cloudmarket.shared.outbox;

import java.time.Duration;

/**
 * How long a row waits after a failed attempt: 5 s, doubling with every attempt, at most 15
 * minutes. There is no last attempt: a mail waits out an SMTP server that is down for a day.
 */
final class Backoff {

    static final Duration FIRST = Duration.ofSeconds(5);
    static final Duration CAP = Duration.ofMinutes(15);

    private Backoff() {
    }

    /** The wait after the {@code attempts}-th failed attempt (from 1). */
    static Duration after(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts count from 1: " + attempts);
        }
        int doublings = Math.min(attempts - 1, 20); // 5 s * 2^20 is far beyond the cap: no overflow
        Duration wait = FIRST.multipliedBy(1L << doublings);
        return wait.compareTo(CAP) > 0 ? CAP : wait;
    }
}
