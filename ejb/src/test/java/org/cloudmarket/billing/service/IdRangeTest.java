package org.cloudmarket.billing.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cloudmarket.billing.service.BillingRunWork.IdRange;
import org.junit.jupiter.api.Test;

/** A billing run's partitions: id ranges that cover every id once, as many as the rows are worth. */
class IdRangeTest {

    @Test
    void aFewRowsAreOnePartitionAndNoneAnEmptyOne() {
        assertThat(IdRange.split(7, 19, 8, 4, 500)).containsExactly(new IdRange(6, 19));
        assertThat(IdRange.split(0, 0, 0, 4, 500)).containsExactly(new IdRange(0, 0));
    }

    @Test
    void manyRowsAreCutIntoAdjacentRangesCoveringEveryIdOnce() {
        List<IdRange> ranges = IdRange.split(101, 1_000_100, 1_000_000, 4, 500);
        assertThat(ranges).hasSize(4);
        assertThat(ranges.get(0).afterId()).isEqualTo(100);
        assertThat(ranges.get(3).lastId()).isEqualTo(1_000_100);
        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i).afterId()).as("range %s starts where the one before ends", i).isEqualTo(ranges.get(i - 1).lastId());
            assertThat(ranges.get(i).lastId() - ranges.get(i).afterId()).isEqualTo(250_000);
        }
    }

    @Test
    void noPartitionHoldsFewerThanTheMinimum() {
        assertThat(IdRange.split(1, 1_200, 1_200, 4, 500)).hasSize(2);
    }

    @Test
    void theRangesARunKeepsForItsRestartReadBackTheSame() {
        List<IdRange> ranges = IdRange.split(101, 1_000_100, 1_000_000, 4, 500);
        assertThat(IdRange.format(ranges)).isEqualTo("100:250100,250100:500100,500100:750100,750100:1000100");
        assertThat(IdRange.parse(IdRange.format(ranges))).isEqualTo(ranges);
        assertThat(IdRange.parse(IdRange.format(List.of(new IdRange(0, 0))))).containsExactly(new IdRange(0, 0));
    }
}
