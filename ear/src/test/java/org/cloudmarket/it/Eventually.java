package org.cloudmarket.it;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The suite's one way to wait for what the server does after answering (a mail delivered, a row
 * marked): ask again until the condition holds, failing with what was awaited once the time is up.
 */
final class Eventually {

    private static final Duration POLL = Duration.ofMillis(200);

    private Eventually() {
    }

    /** The first value the probe finds within the timeout. */
    static <T> T find(String what, Duration timeout, Supplier<Optional<T>> probe) {
        return find(what, timeout, POLL, probe);
    }

    /** The same, asking every {@code poll}: for a state that passes quickly (a run caught mid-way). */
    static <T> T find(String what, Duration timeout, Duration poll, Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + timeout + ": " + what);
            }
            pause(poll);
        }
    }

    static void holds(String what, Duration timeout, BooleanSupplier condition) {
        find(what, timeout, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty());
    }

    private static void pause(Duration poll) {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting", e);
        }
    }
}
