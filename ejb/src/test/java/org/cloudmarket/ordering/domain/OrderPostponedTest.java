package org.cloudmarket.ordering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.cloudmarket.subscription.domain.Quantities;
import org.junit.jupiter.api.Test;

class OrderPostponedTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static Order waiting(Instant start) {
        Order order = new Order(OrderType.NORMAL, OrderStatus.REQUIRES_APPROVAL, new Order.Parties(OrderSource.PULL, 1L, null, 2L, 3L, 4L,
                5L, 6L), 1, new Quantities(Map.of()), start, null, NOW);
        return order;
    }

    @Test
    void anApprovedPostponedOrderStaysPostponedAndOneStartingTodayIsApproved() {
        Order later = waiting(Instant.parse("2026-12-05T23:00:00Z"));
        later.decide(true, 9, null, NOW);
        assertThat(later.getStatus()).isEqualTo(OrderStatus.POSTPONED);
        assertThat(later.getDecidedAt()).contains(NOW);

        Order today = waiting(Instant.parse("2026-11-30T23:00:00Z")); // today's midnight in the tenant's zone
        today.decide(true, 9, null, NOW);
        assertThat(today.getStatus()).isEqualTo(OrderStatus.APPROVED);

        Order refused = waiting(Instant.parse("2026-12-05T23:00:00Z"));
        refused.decide(false, 9, "no", NOW);
        assertThat(refused.getStatus()).isEqualTo(OrderStatus.REJECTED);
    }
}
