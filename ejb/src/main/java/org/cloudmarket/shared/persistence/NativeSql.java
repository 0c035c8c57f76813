package org.cloudmarket.shared.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Every native statement of the persistence unit (the invoice counter, guarded status and coupon UPDATEs, a row
 * lock): EclipseLink disables native SQL in a persistence unit with multitenant entities, since such SQL escapes the
 * tenant filter; each statement here must name {@code tenant_id} itself, so it is allowed one query at a time, and
 * one that does not is refused before it runs.
 */
public final class NativeSql {

    private static final String ALLOW = "eclipselink.jdbc.allow-native-sql-query";

    private NativeSql() {
    }

    public static Query of(EntityManager entityManager, String sql) {
        namesTenant(sql);
        return entityManager.createNativeQuery(sql).setHint(ALLOW, true);
    }

    /**
     * The same statement as plain JDBC, on the connection of the persistence context's transaction (so in that
     * transaction), for statements with thousands of parameters: EclipseLink finds each positional parameter of a
     * native query by a linear search through the others, twice, so binding n parameters costs n squared (a multi-row
     * INSERT of 1,000 readings has 10,000: 83 % of the server's CPU in the usage benchmark). Nothing here flushes the
     * persistence context first, and the write is not seen by WriteTracker: for rows no entity and no cache reads.
     * The caller closes the statement, never the connection.
     */
    public static PreparedStatement jdbc(EntityManager entityManager, String sql) throws SQLException {
        namesTenant(sql);
        Connection connection = entityManager.unwrap(Connection.class);
        if (connection == null) {
            throw new IllegalStateException("A JDBC statement of the persistence context needs its transaction: " + sql);
        }
        return connection.prepareStatement(sql);
    }

    private static void namesTenant(String sql) {
        if (!sql.contains("tenant_id")) {
            throw new IllegalArgumentException("A native statement names its tenant: " + sql);
        }
    }
}
