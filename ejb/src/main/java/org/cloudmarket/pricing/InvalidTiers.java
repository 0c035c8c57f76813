package org.cloudmarket.pricing;

import org.cloudmarket.shared.error.InvalidInput;

/** A tier table that cannot price: gaps, overlaps, negative prices, a wrong start, a quantity beyond its cap. */
public class InvalidTiers extends InvalidInput {

    public InvalidTiers(String message) {
        super("tiers", message);
    }
}
