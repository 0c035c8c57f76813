package org.cloudmarket.shared.error;

import java.time.Duration;

/** The caller has tried too often; it may try again after {@link #retryAfter()}. */
public class TooManyAttempts extends DomainException {

    private final Duration retryAfter;

    public TooManyAttempts(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
