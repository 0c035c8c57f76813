package org.cloudmarket.billing.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A multi-row {@code INSERT ... VALUES (...), (...)} of rows cut into statements of at most {@code rowsPerStatement} rows
 * (DESIGN: a run's cost is in its round trips). Each row gives one value per column, or a constant written into the SQL
 * instead of a parameter where {@link #constant} says so.
 */
record MultiRowInsert(String sql, List<Object> parameters) {

    /** The statements inserting the rows into the table's columns, in the rows' order. */
    static List<MultiRowInsert> of(String table, List<String> columns, List<Object[]> rows, int rowsPerStatement) {
        if (rowsPerStatement < 1) {
            throw new IllegalArgumentException("At least one row a statement");
        }
        String row = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        String head = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
        List<MultiRowInsert> statements = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += rowsPerStatement) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + rowsPerStatement));
            List<Object> parameters = new ArrayList<>(part.size() * columns.size());
            for (Object[] values : part) {
                if (values.length != columns.size()) {
                    throw new IllegalArgumentException("A row of " + values.length + " values for " + columns.size() + " columns");
                }
                parameters.addAll(Arrays.asList(values));
            }
            statements.add(new MultiRowInsert(head + String.join(", ", Collections.nCopies(part.size(), row)), parameters));
        }
        return statements;
    }
}
