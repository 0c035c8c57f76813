package org.cloudmarket.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** DOMAIN.md, "Pricing schemes for extra resources": 15 units, tiers 1-9 and 10+. */
class PricingSchemeTest {

    private static final TierTable UNIT_PRICES = TierTable.of(Tier.between(1, 9, "5.00"), Tier.from(10, "3.00"));
    private static final TierTable FLAT_PRICES = TierTable.of(Tier.between(1, 9, "30.00"), Tier.from(10, "100.00"));

    @Test
    void tieredPricingChargesEachUnitInItsOwnTier() {
        assertThat(PricingScheme.TIERED.price(UNIT_PRICES, 15)).isEqualByComparingTo("63.00");
    }

    @Test
    void volumePricingChargesAllUnitsAtTheReachedTier() {
        assertThat(PricingScheme.VOLUME.price(UNIT_PRICES, 15)).isEqualByComparingTo("45.00");
    }

    @Test
    void stairstepPricingChargesTheFlatPriceOfTheReachedTier() {
        assertThat(PricingScheme.STAIRSTEP.price(FLAT_PRICES, 15)).isEqualByComparingTo("100.00");
    }

    @Test
    void theTierBoundaryBelongsToTheTierThatStartsOrEndsThere() {
        assertThat(PricingScheme.TIERED.price(UNIT_PRICES, 9)).isEqualByComparingTo("45.00");
        assertThat(PricingScheme.TIERED.price(UNIT_PRICES, 10)).isEqualByComparingTo("48.00");
        assertThat(PricingScheme.VOLUME.price(UNIT_PRICES, 9)).isEqualByComparingTo("45.00");
        assertThat(PricingScheme.VOLUME.price(UNIT_PRICES, 10)).isEqualByComparingTo("30.00");
        assertThat(PricingScheme.STAIRSTEP.price(FLAT_PRICES, 9)).isEqualByComparingTo("30.00");
        assertThat(PricingScheme.STAIRSTEP.price(FLAT_PRICES, 10)).isEqualByComparingTo("100.00");
    }

    @Test
    void zeroUnitsCostNothingUnderEveryScheme() {
        for (PricingScheme scheme : PricingScheme.values()) {
            assertThat(scheme.price(FLAT_PRICES, 0)).as(scheme.name()).isEqualByComparingTo("0");
        }
    }

    @Test
    void hugeQuantitiesStayExact() {
        assertThat(PricingScheme.TIERED.price(UNIT_PRICES, 1_000_000_000L)).isEqualByComparingTo(new BigDecimal("3000000018.00"));
        assertThat(PricingScheme.VOLUME.price(UNIT_PRICES, Long.MAX_VALUE))
                .isEqualByComparingTo(new BigDecimal(Long.MAX_VALUE).multiply(new BigDecimal("3.00")));
    }

    @Test
    void aClosedLastTierCapsTheQuantity() {
        TierTable capped = TierTable.of(Tier.between(1, 9, "5.00"), Tier.between(10, 20, "3.00"));

        assertThat(PricingScheme.TIERED.price(capped, 20)).isEqualByComparingTo("78.00");
        assertThatThrownBy(() -> PricingScheme.TIERED.price(capped, 21)).isInstanceOf(InvalidTiers.class).hasMessageContaining("At most 20");
    }

    @Test
    void aNegativeQuantityIsRefused() {
        assertThatThrownBy(() -> PricingScheme.VOLUME.price(UNIT_PRICES, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
