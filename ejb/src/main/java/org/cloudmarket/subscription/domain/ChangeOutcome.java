package org.cloudmarket.subscription.domain;

/**
 * How a change on a live subscription is settled (DOMAIN.md, Changes). The names are the change
 * order's status in the ordering context, which builds on this one and so maps them one to one.
 */
public enum ChangeOutcome {
    /** Applied now and invoiced now for the time left of the period. */
    PAID,
    /** Applied now; the credit and the debit cancel out, nothing to invoice. */
    FREE,
    /** Applied at the start of the next period, no money now. */
    DEFERRED
}
