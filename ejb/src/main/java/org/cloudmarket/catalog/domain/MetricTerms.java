package org.cloudmarket.catalog.domain;

import java.math.BigDecimal;
import org.cloudmarket.pricing.MetricPricing;
import org.cloudmarket.pricing.MetricPricing.Aggregation;
import org.cloudmarket.pricing.MetricPricing.Kind;
import org.cloudmarket.pricing.PricingScheme;
import org.cloudmarket.pricing.TierTable;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Decimals;
import org.cloudmarket.shared.text.Texts;

/** A pay-per-use metric as a vendor defines it; the engine's checks run on the way in. */
public record MetricTerms(String code, String name, String unit, Kind kind, Aggregation aggregation,
                          BigDecimal includedQuantity, BigDecimal unitPrice, PricingScheme scheme, TierTable tiers) {

    public MetricTerms {
        code = Codes.require(code);
        name = Texts.required("name", name, 120);
        unit = Texts.required("unit", unit, 40);
        if (kind == null) {
            throw new InvalidInput("kind", "kind is GAUGE or COUNTER");
        }
        aggregation = aggregation == null ? Aggregation.AVERAGE : aggregation;
        includedQuantity = includedQuantity == null ? BigDecimal.ZERO : Decimals.bounded("includedQuantity", includedQuantity);
        Decimals.bounded("unitPrice", unitPrice);
        if ((scheme == null) != (tiers == null)) {
            throw new InvalidInput("tiers", "A scheme needs its tiers, and tiers need a scheme");
        }
        if (tiers != null && tiers.maximum().isPresent()) {
            throw new InvalidInput("tiers", "Usage cannot be refused: the last tier of a metric has no upper bound");
        }
        if ((unitPrice != null && unitPrice.stripTrailingZeros().scale() > 4) || includedQuantity.stripTrailingZeros().scale() > 4) {
            throw new InvalidInput("unitPrice", "Prices and quantities have at most 4 decimals");
        }
        // the engine's checks, on the parameters: a compact constructor assigns the fields only at its end
        new MetricPricing(code, name, unit, kind, aggregation, includedQuantity, unitPrice, scheme, tiers);
    }
}
