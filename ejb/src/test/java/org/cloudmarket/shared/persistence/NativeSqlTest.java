package org.cloudmarket.shared.persistence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A native statement escapes EclipseLink's tenant filter: one that names no tenant_id never reaches the database. */
class NativeSqlTest {

    @Test
    void aStatementWithoutTenantIdIsRefusedBeforeItRuns() {
        // no EntityManager at all: the refusal comes first
        assertThatThrownBy(() -> NativeSql.of(null, "UPDATE coupon SET uses = uses + 1 WHERE id = ?"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names its tenant");
    }
}
