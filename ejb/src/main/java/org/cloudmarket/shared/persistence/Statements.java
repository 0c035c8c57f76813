package org.cloudmarket.shared.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Plain JDBC for the few statements that run outside JPA on purpose, each committed on its own
 * (SignInThrottle's guarded counters, the outbox's claims): positional parameters, in order.
 */
public final class Statements {

    private Statements() {
    }

    /** Runs an INSERT, UPDATE or DELETE; answers the rows it changed. */
    public static int execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    /** The statement with its parameters set; the caller closes it. */
    public static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }
}
