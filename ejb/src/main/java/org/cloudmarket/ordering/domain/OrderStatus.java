package org.cloudmarket.ordering.domain;

/** Where an order stands (DOMAIN.md, Orders and subscriptions). */
public enum OrderStatus {
    PLACED,
    /** Waiting for its auditor: the reseller on a reseller's storefront, the vendor otherwise. */
    REQUIRES_APPROVAL,
    APPROVED,
    REJECTED,
    /** A downgrade, applied at the next period start. */
    DEFERRED,
    /** A change costing nothing. */
    FREE,
    /** A change invoiced now: "invoiced", not "paid". */
    PAID,
    /** Starts at a future date the buyer chose. */
    POSTPONED
}
