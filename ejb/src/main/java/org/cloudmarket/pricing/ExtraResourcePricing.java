package org.cloudmarket.pricing;

import java.util.Currency;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Money;

/**
 * How an extra resource of a plan is priced. Prepaid resources are billed with the license at the
 * start of each period and so appear in a quote; pay-as-you-go ones are billed on use at its end.
 */
public record ExtraResourcePricing(String code, String name, String unit, PricingScheme scheme, TierTable tiers, boolean prepaid) {

    /** What {@code quantity} costs for one whole period under its scheme, unrounded. */
    public Money periodPrice(long quantity, Currency currency) {
        if (quantity < 0) {
            throw new InvalidInput("extraResources", "A quantity of " + name + " cannot be negative");
        }
        try {
            return new Money(scheme.price(tiers, quantity), currency);
        } catch (InvalidTiers capped) { // the buyer's quantity is the input at fault, not the vendor's tiers
            throw new InvalidInput("extraResources", name + ": " + capped.getMessage());
        }
    }
}
