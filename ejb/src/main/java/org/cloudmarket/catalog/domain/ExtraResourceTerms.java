package org.cloudmarket.catalog.domain;

import org.cloudmarket.pricing.PricingScheme;
import org.cloudmarket.pricing.TierTable;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.text.Texts;

/** An extra resource as a vendor defines it: its unit, when it is billed and its tiers. */
public record ExtraResourceTerms(String code, String name, String unit, boolean prepaid, PricingScheme scheme, TierTable tiers) {

    public ExtraResourceTerms {
        code = Codes.require(code);
        name = Texts.required("name", name, 120);
        unit = Texts.required("unit", unit, 40);
        if (scheme == null) {
            throw new InvalidInput("scheme", "scheme is TIERED, VOLUME or STAIRSTEP");
        }
        if (tiers == null) {
            throw new InvalidInput("tiers", "An extra resource is priced by tiers: give at least one");
        }
    }
}
