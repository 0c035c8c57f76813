package org.cloudmarket.shared.idempotency;

import java.time.Instant;

/** A row of idempotency_key as the reservation finds it. */
record KeyRow(long id, boolean done, String bodyHash, Instant createdAt, Instant expiresAt, StoredAnswer answer) {
}
