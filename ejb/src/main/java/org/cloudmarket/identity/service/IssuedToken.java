package org.cloudmarket.identity.service;

import java.time.Instant;

/** A freshly issued API token: the only moment its secret is known outside the client. */
public record IssuedToken(String secret, Instant expiresAt, SignedInUser user) {
}
