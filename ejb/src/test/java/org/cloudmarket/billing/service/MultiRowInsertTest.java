package org.cloudmarket.billing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The invoices step's multi-row INSERTs: every row once, in order, cut into statements. */
class MultiRowInsertTest {

    @Test
    void rowsAreOneStatementEachOfAtMostTheRowsGiven() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            rows.add(new Object[] {1L, i, i == 3 ? null : "line " + i});
        }

        List<MultiRowInsert> statements = MultiRowInsert.of("invoice_line", List.of("tenant_id", "position", "description"), rows, 2);

        assertThat(statements).extracting(MultiRowInsert::sql).containsExactly(
                "INSERT INTO invoice_line (tenant_id, position, description) VALUES (?, ?, ?), (?, ?, ?)",
                "INSERT INTO invoice_line (tenant_id, position, description) VALUES (?, ?, ?), (?, ?, ?)",
                "INSERT INTO invoice_line (tenant_id, position, description) VALUES (?, ?, ?)");
        assertThat(statements.get(0).parameters()).containsExactly(1L, 1, "line 1", 1L, 2, "line 2");
        assertThat(statements.get(1).parameters()).containsExactly(1L, 3, null, 1L, 4, "line 4");
        assertThat(statements.get(2).parameters()).containsExactly(1L, 5, "line 5");
    }

    @Test
    void noRowsAreNoStatement() {
        assertThat(MultiRowInsert.of("invoice_tax", List.of("tenant_id"), List.of(), 500)).isEmpty();
    }

    @Test
    void aRowOfTheWrongWidthIsRefused() {
        List<Object[]> rows = List.<Object[]>of(new Object[] {1L, 2});

        assertThatThrownBy(() -> MultiRowInsert.of("invoice_tax", List.of("tenant_id", "tax_rate", "tax"), rows, 500))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
