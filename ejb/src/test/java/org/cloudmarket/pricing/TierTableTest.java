package org.cloudmarket.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TierTableTest {

    @Test
    void overlappingTiersAreRefused() {
        assertThatThrownBy(() -> TierTable.of(Tier.between(1, 10, "5.00"), Tier.from(10, "3.00")))
                .isInstanceOf(InvalidTiers.class).hasMessageContaining("overlaps");
    }

    @Test
    void gappedTiersAreRefused() {
        assertThatThrownBy(() -> TierTable.of(Tier.between(1, 8, "5.00"), Tier.from(10, "3.00")))
                .isInstanceOf(InvalidTiers.class).hasMessageContaining("units 9 to 9 have no price");
    }

    @Test
    void tiersStartAtTheFirstUnit() {
        assertThatThrownBy(() -> TierTable.of(Tier.from(2, "3.00"))).isInstanceOf(InvalidTiers.class);
    }

    @Test
    void negativePricesAreRefused() {
        assertThatThrownBy(() -> TierTable.of(Tier.from(1, "-0.01"))).isInstanceOf(InvalidTiers.class).hasMessageContaining("negative");
    }

    @Test
    void onlyTheLastTierIsOpenEnded() {
        assertThatThrownBy(() -> TierTable.of(Tier.from(1, "5.00"), Tier.from(10, "3.00")))
                .isInstanceOf(InvalidTiers.class).hasMessageContaining("last tier");
    }

    @Test
    void aTierEndsAfterItStarts() {
        assertThatThrownBy(() -> TierTable.of(Tier.between(1, 0, "5.00"))).isInstanceOf(InvalidTiers.class);
    }

    @Test
    void freeTiersAreAllowed() {
        assertThat(TierTable.of(Tier.between(1, 5, "0"), Tier.from(6, "1.50")).maximum()).isEmpty();
    }
}
