package org.cloudmarket.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.cloudmarket.shared.error.InvalidInput;
import org.junit.jupiter.api.Test;

/** DOMAIN.md, Changes: prepaid extra resources go up at once and down at the next period start. */
class QuantityTargetsTest {

    private static final Quantities HELD = Quantities.fromColumn("storage=5;users=10");

    @Test
    void anIncreaseAppliesAtOnceAndTheCodesLeftOutKeepTheirQuantity() {
        QuantityTargets targets = QuantityTargets.of(HELD, Map.of("storage", 8L));

        assertThat(targets.now().toColumn()).isEqualTo("storage=8;users=10");
        assertThat(targets.next()).as("nothing deferred").isNull();
        assertThat(targets.increases()).containsExactly(new QuantityTargets.Increase("storage", 5, 8));
        assertThat(targets.changesNow(HELD)).isTrue();
    }

    @Test
    void aDecreaseWaitsForTheNextPeriodWithTheWholeTarget() {
        QuantityTargets targets = QuantityTargets.of(HELD, Map.of("storage", 2L, "users", 0L));

        assertThat(targets.now()).as("unchanged now").isEqualTo(HELD);
        assertThat(targets.changesNow(HELD)).isFalse();
        assertThat(targets.next().toColumn()).isEqualTo("storage=2");
        assertThat(targets.increases()).isEmpty();
    }

    @Test
    void upAndDownInOneOrderSplitIntoNowAndNext() {
        QuantityTargets targets = QuantityTargets.of(HELD, Map.of("storage", 7L, "users", 4L, "backups", 1L));

        assertThat(targets.now().toColumn()).isEqualTo("backups=1;storage=7;users=10");
        assertThat(targets.next().toColumn()).isEqualTo("backups=1;storage=7;users=4");
        assertThat(targets.increases()).containsExactly(new QuantityTargets.Increase("backups", 0, 1),
                new QuantityTargets.Increase("storage", 5, 7));
    }

    @Test
    void theSameQuantitiesChangeNothing() {
        QuantityTargets targets = QuantityTargets.of(HELD, Map.of("storage", 5L));

        assertThat(targets.changesNow(HELD)).isFalse();
        assertThat(targets.next()).isNull();
        assertThat(targets.increases()).isEmpty();
    }

    @Test
    void aNegativeOrMissingQuantityIsTheBuyersErrorOnExtraResources() {
        Map<String, Long> missing = new HashMap<>();
        missing.put("storage", null);

        assertThatThrownBy(() -> QuantityTargets.of(HELD, Map.of("storage", -1L))).isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("field", "extraResources");
        assertThatThrownBy(() -> QuantityTargets.of(HELD, missing)).isInstanceOf(InvalidInput.class);
    }
}
