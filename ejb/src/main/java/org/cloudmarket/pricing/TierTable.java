package org.cloudmarket.pricing;

import java.util.List;
import java.util.OptionalLong;

/**
 * Tiers that cover every quantity from 1 up, without gaps or overlaps, each at a price of zero or
 * more. Only the last tier may be open-ended; a closed last tier caps the quantity one can buy.
 */
public record TierTable(List<Tier> tiers) {

    public TierTable {
        tiers = List.copyOf(tiers);
        validate(tiers);
    }

    public static TierTable of(Tier... tiers) {
        return new TierTable(List.of(tiers));
    }

    /** The most units the table prices; empty when the last tier is open-ended. */
    public OptionalLong maximum() {
        return tiers.get(tiers.size() - 1).upperBound();
    }

    /** The tier a total quantity falls in. */
    Tier tierFor(long quantity) {
        return tiers.stream().filter(tier -> tier.contains(quantity)).findFirst()
                .orElseThrow(() -> new InvalidTiers("No tier covers a quantity of " + quantity));
    }

    private static void validate(List<Tier> tiers) {
        if (tiers.isEmpty()) {
            throw new InvalidTiers("A tier table needs at least one tier");
        }
        long expectedFrom = 1;
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            if (tier.price().signum() < 0) {
                throw new InvalidTiers("Tier " + (i + 1) + " has a negative price");
            }
            if (tier.from() != expectedFrom) {
                throw new InvalidTiers(tier.from() < expectedFrom
                        ? "Tier " + (i + 1) + " overlaps the one before: it starts at " + tier.from() + ", expected " + expectedFrom
                        : "Gap before tier " + (i + 1) + ": units " + expectedFrom + " to " + (tier.from() - 1) + " have no price");
            }
            if (tier.to() == null) {
                if (i != tiers.size() - 1) {
                    throw new InvalidTiers("Only the last tier may be open-ended");
                }
                return;
            }
            if (tier.to() < tier.from()) {
                throw new InvalidTiers("Tier " + (i + 1) + " ends before it starts");
            }
            expectedFrom = tier.to() + 1;
        }
    }
}
