package org.cloudmarket.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.cloudmarket.identity.domain.FailureWindow;
import org.cloudmarket.shared.error.TooManyAttempts;

/**
 * Limits password guessing: 5 failures per account, or 50 per client address, in 15 minutes.
 * Each refused attempt costs no password hashing, which also keeps a flood from eating the CPU.
 * Per node and in memory: a cluster would share it (DESIGN.md, scale-out).
 */
@ApplicationScoped
public class SignInThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);

    private final FailureWindow accounts = new FailureWindow(5, WINDOW);
    private final FailureWindow addresses = new FailureWindow(50, WINDOW);

    @Inject
    private Clock clock;

    void check(String account, String address) {
        Instant now = clock.instant();
        Optional<Duration> wait = Stream.of(accounts.blockedFor(account, now), addresses.blockedFor(address, now))
                .flatMap(Optional::stream).max(Duration::compareTo);
        if (wait.isPresent()) {
            long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
            throw new TooManyAttempts("Too many failed sign-ins; try again in " + minutes + " minute" + (minutes == 1 ? "" : "s"), wait.get());
        }
    }

    void failed(String account, String address) {
        Instant now = clock.instant();
        accounts.recordFailure(account, now);
        addresses.recordFailure(address, now);
    }

    void succeeded(String account) {
        accounts.clear(account);
    }
}
