package org.cloudmarket.identity.domain;

import java.time.Duration;

/** What a single-use link sent by mail is for, and how long it may wait to be followed. */
public enum AccountTokenPurpose {
    VERIFY_EMAIL(Duration.ofHours(48)),
    RESET_PASSWORD(Duration.ofHours(1)),
    /** A user created by someone else (an admin, a reseller, a colleague) sets its first password. */
    INVITATION(Duration.ofDays(7));

    private final Duration lifetime;

    AccountTokenPurpose(Duration lifetime) {
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }
}
