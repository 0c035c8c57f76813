package org.cloudmarket.metering.service;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.cloudmarket.shared.persistence.NativeSql;
import org.cloudmarket.shared.persistence.Statements;

/**
 * Metering's set-based statements (multi-row INSERTs of a thousand readings, their read-back, the folds' hours) in
 * plain JDBC on the JTA datasource: within a transaction the pool hands out the persistence context's own connection,
 * so they commit or roll back with it. Not through JPA on purpose: a native query of 10,000 parameters costs
 * EclipseLink far more than the database, and its writes would drop the tenant's caches (WriteTracker) at every batch,
 * although no cache holds usage. NativeSql's rule applies: a statement that does not name its tenant is refused before it runs.
 */
@Dependent
class MeteringSql {

    /** One row of a result, read column by column. */
    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    @Resource(lookup = "java:jboss/datasources/CloudmarketDS")
    private DataSource dataSource;

    int update(String sql, List<Object> parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = Statements.prepare(connection, NativeSql.tenantScoped(sql), parameters.toArray())) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("A metering statement failed: " + e.getMessage(), e);
        }
    }

    <T> List<T> query(String sql, List<Object> parameters, Row<T> mapper) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = Statements.prepare(connection, NativeSql.tenantScoped(sql), parameters.toArray());
             ResultSet rows = statement.executeQuery()) {
            List<T> read = new ArrayList<>();
            while (rows.next()) {
                read.add(mapper.read(rows));
            }
            return read;
        } catch (SQLException e) {
            throw new IllegalStateException("A metering query failed: " + e.getMessage(), e);
        }
    }
}
