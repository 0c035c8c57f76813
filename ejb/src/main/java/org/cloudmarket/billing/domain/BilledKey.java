package org.cloudmarket.billing.domain;

import java.time.Instant;

/**
 * A period kind already written for a subscription: (component, kind, period start), as the proceed table's natural key
 * holds it (the order part of PRORATION_* and USAGE keys is left out: the generator needs only to know that a period holds
 * such a proceed). {@link RecurringGenerator#plan} never produces a key it is given.
 */
public record BilledKey(String component, ProceedKind kind, Instant periodStart) {
}
