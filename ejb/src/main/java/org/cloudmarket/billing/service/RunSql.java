package org.cloudmarket.billing.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.cloudmarket.shared.persistence.InstantConverter;
import org.cloudmarket.shared.persistence.NativeSql;

/**
 * The billing engine's plain JDBC (DESIGN: a run's cost is in its round trips): statements on the application's JTA
 * datasource, so they join the caller's transaction (a chunk's, a run row's). Each names its tenant (NativeSql's rule);
 * instants go in and out as UTC DATETIMEs like the entities' (InstantConverter).
 */
final class RunSql {

    /** One row read. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private RunSql() {
    }

    static <T> List<T> query(DataSource dataSource, String sql, Row<T> reader, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<T> read = new ArrayList<>();
            while (rows.next()) {
                read.add(reader.read(rows));
            }
            return read;
        } catch (SQLException e) {
            throw new IllegalStateException("Billing could not read: " + e.getMessage(), e);
        }
    }

    static int update(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Billing could not write: " + e.getMessage(), e);
        }
    }

    static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(NativeSql.tenantScoped(sql));
        try {
            bind(statement, parameters);
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object parameter = parameters[i];
            statement.setObject(i + 1, parameter instanceof Instant instant ? InstantConverter.column(instant) : parameter);
        }
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        return InstantConverter.instant(row.getObject(column, java.time.LocalDateTime.class));
    }

    static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
