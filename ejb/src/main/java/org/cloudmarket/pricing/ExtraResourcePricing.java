package org.cloudmarket.pricing;

import java.util.Currency;
import java.util.Objects;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Money;

/**
 * How an extra resource of a plan is priced and billed ({@link ExtraResourceBilling}): a prepaid one
 * is billed with the license at the start of each period, a post-paid one for its chosen quantity
 * at the period's end, a pay-as-you-go one at the end for what {@code metricCode}, a metric of the
 * plan, measured (null only for a resource defined before resources named their metric).
 */
public record ExtraResourcePricing(String code, String name, String unit, PricingScheme scheme, TierTable tiers,
                                   ExtraResourceBilling billing, String metricCode) {

    public ExtraResourcePricing {
        Objects.requireNonNull(billing, "billing");
        if (billing != ExtraResourceBilling.PAY_AS_YOU_GO) {
            metricCode = null;
        }
    }

    /** A resource whose quantity is chosen (PRE_PAID or POST_PAID). */
    public ExtraResourcePricing(String code, String name, String unit, PricingScheme scheme, TierTable tiers, ExtraResourceBilling billing) {
        this(code, name, unit, scheme, tiers, billing, null);
    }

    /** Billed with the license at the start of each period: what prorated upgrades and the first invoice charge. */
    public boolean prepaid() {
        return billing == ExtraResourceBilling.PRE_PAID;
    }

    /** The same resource at other tiers (a price level of the channel). */
    public ExtraResourcePricing withTiers(TierTable other) {
        return new ExtraResourcePricing(code, name, unit, scheme, other, billing, metricCode);
    }

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
