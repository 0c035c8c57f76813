package org.cloudmarket.catalog.domain;

import org.cloudmarket.pricing.ExtraResourceBilling;
import org.cloudmarket.pricing.PricingScheme;
import org.cloudmarket.pricing.TierTable;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.text.Texts;

/**
 * An extra resource as a vendor defines it: its unit, when it is billed and its tiers; a
 * pay-as-you-go one names the plan's metric that measures its quantity (the plan checks it has it).
 */
public record ExtraResourceTerms(String code, String name, String unit, ExtraResourceBilling billing, String metricCode,
                                 PricingScheme scheme, TierTable tiers) {

    public ExtraResourceTerms {
        code = Codes.require(code);
        name = Texts.required("name", name, 120);
        unit = Texts.required("unit", unit, 40);
        if (billing == null) {
            throw new InvalidInput("billing", "billing is PRE_PAID, POST_PAID or PAY_AS_YOU_GO");
        }
        metricCode = metricCode == null || metricCode.isBlank() ? null : metricCode.strip();
        if (billing == ExtraResourceBilling.PAY_AS_YOU_GO && metricCode == null) {
            throw new InvalidInput("metricCode", "A pay-as-you-go resource names the plan's metric that measures its quantity");
        }
        if (billing != ExtraResourceBilling.PAY_AS_YOU_GO && metricCode != null) {
            throw new InvalidInput("metricCode", "Only a pay-as-you-go resource is measured by a metric; a " + billing
                    + " one is bought by the quantity chosen");
        }
        if (scheme == null) {
            throw new InvalidInput("scheme", "scheme is TIERED, VOLUME or STAIRSTEP");
        }
        if (tiers == null) {
            throw new InvalidInput("tiers", "An extra resource is priced by tiers: give at least one");
        }
    }

    /** A resource whose quantity the buyer chooses (PRE_PAID or POST_PAID). */
    public ExtraResourceTerms(String code, String name, String unit, ExtraResourceBilling billing, PricingScheme scheme, TierTable tiers) {
        this(code, name, unit, billing, null, scheme, tiers);
    }
}
