package org.cloudmarket.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.cloudmarket.shared.error.TooManyAttempts;

/**
 * Caps how many passwords are hashed at once (each PBKDF2 check costs a core for a while), so a
 * burst of sign-ins across many accounts queues briefly and is then refused with a 429, instead
 * of piling up threads that all compete for the CPU. System properties
 * {@code cloudmarket.sign-in.hashing.permits} (default: the number of processors) and
 * {@code cloudmarket.sign-in.hashing.wait-ms} (default 3000).
 */
@ApplicationScoped
public class HashingPermits {

    static final String BUSY = "The server is busy checking other sign-ins; try again in a moment";

    private final Semaphore permits = new Semaphore(Integer.getInteger("cloudmarket.sign-in.hashing.permits",
            Runtime.getRuntime().availableProcessors()), true);
    private final long waitMillis = Long.getLong("cloudmarket.sign-in.hashing.wait-ms", 3000);

    /** Runs the check once a permit is free; refuses with {@link TooManyAttempts} when none frees up in time. */
    public boolean check(BooleanSupplier hashing) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new TooManyAttempts(BUSY, Duration.ofSeconds(2));
        }
        try {
            return hashing.getAsBoolean();
        } finally {
            permits.release();
        }
    }
}
