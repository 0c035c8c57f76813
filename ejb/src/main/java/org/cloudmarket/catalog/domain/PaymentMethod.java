package org.cloudmarket.catalog.domain;

/** The ways a plan may be paid for. */
public enum PaymentMethod {
    CARD, PAYPAL, BANK_TRANSFER
}
