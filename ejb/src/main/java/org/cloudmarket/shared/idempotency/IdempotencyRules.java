package org.cloudmarket.shared.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** How long a key lives, and what a request whose key is already taken gets: pure, unit-tested. */
final class IdempotencyRules {

    /** The promise: a key answers alike for 24 hours. */
    static final Duration KEPT = Duration.ofHours(24);

    /**
     * A request that has held its key this long has died with its node (no request runs for
     * minutes: the HTTP clients gave up long before); its key may be taken over rather than
     * answering 409 for a day.
     */
    static final Duration ABANDONED = Duration.ofMinutes(10);

    private IdempotencyRules() {
    }

    /**
     * The outcome for a taken key, or empty when the row may be taken over by this request: it
     * has expired, or its request was abandoned.
     */
    static Optional<Reservation> taken(KeyRow row, String bodyHash, Instant now) {
        if (!row.expiresAt().isAfter(now) || (!row.done() && !row.createdAt().plus(ABANDONED).isAfter(now))) {
            return Optional.empty();
        }
        if (!row.bodyHash().equals(bodyHash)) {
            return Optional.of(new Reservation.OtherBody());
        }
        return Optional.of(row.done() ? new Reservation.Replay(row.answer()) : new Reservation.Running());
    }
}
