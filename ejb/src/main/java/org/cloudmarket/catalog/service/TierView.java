package org.cloudmarket.catalog.service;

import java.math.BigDecimal;
import java.util.List;
import org.cloudmarket.pricing.InvalidTiers;
import org.cloudmarket.pricing.Tier;
import org.cloudmarket.pricing.TierTable;
import org.cloudmarket.shared.money.Decimals;

/** One band of a tier table: {@code to} is null for the open-ended last band. */
public record TierView(long from, Long to, BigDecimal price) {

    /** Enough for any price list, and what the tiers column holds. */
    static final int MAX_TIERS = 50;

    static List<TierView> of(TierTable table) {
        return table == null ? null : table.tiers().stream().map(tier -> new TierView(tier.from(), tier.to(), tier.price())).toList();
    }

    public Tier tier() {
        if (price == null) {
            throw new InvalidTiers("Every tier needs a price");
        }
        Decimals.bounded("tiers", price);
        if (price.stripTrailingZeros().scale() > 4) {
            throw new InvalidTiers("A tier price has at most 4 decimals");
        }
        return new Tier(from, to, price);
    }

    public static TierTable table(List<TierView> tiers) {
        if (tiers != null && tiers.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidTiers("A tier cannot be empty");
        }
        if (tiers != null && tiers.size() > MAX_TIERS) {
            throw new InvalidTiers("At most " + MAX_TIERS + " tiers");
        }
        return tiers == null ? null : new TierTable(tiers.stream().map(TierView::tier).toList());
    }
}
