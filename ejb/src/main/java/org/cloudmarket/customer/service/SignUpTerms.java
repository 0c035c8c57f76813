package org.cloudmarket.customer.service;

/**
 * What the sign-up page of a storefront shows before anyone types: whether it takes sign-ups at
 * all (a distributor's does not) and the terms a new customer accepts.
 */
public record SignUpTerms(boolean open, String refusal, String checkoutTerms) {
}
