package org.cloudmarket.ordering.domain;

/**
 * What an order asks for (DOMAIN.md, Orders and subscriptions), named as the reference platform's
 * API names them so that its vendors' apps and ERP integrations recognise them.
 */
public enum OrderType {
    /** A purchase. */
    NORMAL,
    TRIAL,
    /** A vendor's own deployment test of its plan, billed to nobody. */
    SANDBOX,
    RENEWAL,
    /** The invoice of one billing period inside a longer order duration. */
    MONTHLY,
    /** Extra-resource quantities changed. */
    BILLING_ITEM_UPGRADE,
    /** A plan change. */
    SYNDICATED_UPGRADE,
    /** Auto-renew switched off. */
    UNSUBSCRIBE,
    TERMINATION,
    REFUND;

    /** The types a buyer places through POST /orders; the others are changes or the billing runs' own. */
    public boolean isPurchase() {
        return this == NORMAL || this == TRIAL || this == SANDBOX;
    }

    /** The types a change of a running subscription takes (POST /subscriptions/{id}/changes). */
    public boolean isChange() {
        return this == BILLING_ITEM_UPGRADE || this == SYNDICATED_UPGRADE || this == UNSUBSCRIBE || this == TERMINATION;
    }
}
