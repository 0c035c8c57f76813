package org.cloudmarket.shared.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CursorQueryTest {

    @Test
    void filtersLeftOutTakeAllAndEveryValueIsBound() {
        Instant from = Instant.parse("2026-12-01T00:00:00Z");
        CursorQuery query = CursorQuery.of("Order", "o", "o.customerId IN :scopeIds", new PageRequest(50L, 10))
                .bindIf(true, "scopeIds", List.of(7L)).equal("o.status", "PAID").equal("o.type", null).within("o.createdAt", from, null);

        assertThat(query.jpql()).isEqualTo("SELECT o FROM Order o WHERE o.customerId IN :scopeIds AND o.id < :before"
                + " AND o.status = :p2 AND o.createdAt >= :p3 ORDER BY o.id DESC");
        assertThat(query.parameters()).isEqualTo(Map.of("before", 50L, "scopeIds", List.of(7L), "p2", "PAID", "p3", from));
    }

    @Test
    void anUnboundScopeNamesNoParameter() {
        CursorQuery query = CursorQuery.of("Invoice", "i", "1 = 1", new PageRequest(null, 20)).bindIf(false, "scopeIds", List.of())
                .within("i.issuedAt", null, Instant.EPOCH);

        assertThat(query.jpql()).isEqualTo("SELECT i FROM Invoice i WHERE 1 = 1 AND i.id < :before AND i.issuedAt < :p1 ORDER BY i.id DESC");
        assertThat(query.parameters()).containsOnlyKeys("before", "p1");
    }
}
