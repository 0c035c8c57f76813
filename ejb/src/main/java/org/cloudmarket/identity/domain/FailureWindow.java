package org.cloudmarket.identity.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed attempts per key in a sliding window: a key with {@code limit} failures in the last
 * {@code window} is refused until its oldest failure ages out. Thread-safe.
 */
public final class FailureWindow {

    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public FailureWindow(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    /** How long the key must wait, if it has used up its attempts. */
    public Optional<Duration> blockedFor(String key, Instant now) {
        Deque<Instant> recent = failures.get(key);
        if (recent == null) {
            return Optional.empty();
        }
        synchronized (recent) {
            forgetOld(recent, now);
            if (recent.size() < limit) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, recent.peekFirst().plus(window)));
        }
    }

    public void recordFailure(String key, Instant now) {
        Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (recent) {
            forgetOld(recent, now);
            recent.addLast(now);
        }
    }

    public void clear(String key) {
        failures.remove(key);
    }

    private void forgetOld(Deque<Instant> recent, Instant now) {
        Instant cutoff = now.minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(cutoff)) {
            recent.removeFirst();
        }
    }
}
