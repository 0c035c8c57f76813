package org.cloudmarket.pricing;

/** A tier table that cannot price: gaps, overlaps, negative prices, a wrong start. */
public class InvalidTiers extends IllegalArgumentException {

    public InvalidTiers(String message) {
        super(message);
    }
}
