package org.cloudmarket.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tests' own database, the one the server under test migrated (DB_URL, see ear/pom.xml).
 * For what no API can do yet: reading the schema, disabling a user, ageing a token.
 */
final class TestDatabase {

    private TestDatabase() {
    }

    static List<String> query(String sql, Object... parameters) {
        try (Connection connection = connect()) {
            return rows(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static int update(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    // platform (h/platform): a marketplace a test opened, removed again
    /** The demo's tenants, which every test relies on: never deleted. */
    private static final Set<String> KEPT_TENANTS = Set.of("acme", "globex", "platform");

    /**
     * Deletes a tenant a test created (POST /api/v1/platform/tenants) and every row of it, children
     * before parents, in one transaction; nothing when no tenant has the slug. The demo's tenants are
     * refused. The running server may still hold the tenant's rows in its caches: call it before the
     * server has seen the slug (a walk that creates {@code initech} on every run deletes it first), not
     * to prove that the host stops answering.
     */
    static void deleteTenant(String slug) {
        try (Connection connection = connect()) {
            deleteTenant(connection, slug);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete tenant " + slug, e);
        }
    }

    /** {@link #deleteTenant(String)} on the caller's connection (BillingVolume's), its auto-commit restored. */
    static void deleteTenant(Connection connection, String slug) throws SQLException {
        if (slug == null || KEPT_TENANTS.contains(slug)) {
            throw new IllegalArgumentException("The demo tenant " + slug + " is kept: only tenants a test created are deleted");
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            List<String> found = rows(connection, "SELECT id FROM tenant WHERE slug = ?", slug);
            if (!found.isEmpty()) {
                long tenantId = Long.parseLong(found.get(0));
                for (String table : tenantTablesChildrenFirst(connection)) {
                    // a table that points at itself (organization.parent_id): newer rows are the children
                    String order = rows(connection, "SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE()"
                            + " AND table_name = ? AND column_name = 'id'", table).isEmpty() ? "" : " ORDER BY id DESC";
                    execute(connection, "DELETE FROM " + table + " WHERE tenant_id = ?" + order, tenantId);
                }
                execute(connection, "DELETE FROM tenant WHERE id = ?", tenantId);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The tables with tenant_id, each after every other table whose foreign keys point at it. */
    private static List<String> tenantTablesChildrenFirst(Connection connection) throws SQLException {
        Set<String> remaining = new HashSet<>(rows(connection, "SELECT LOWER(table_name) FROM information_schema.columns"
                + " WHERE table_schema = DATABASE() AND column_name = 'tenant_id'"));
        Map<String, Set<String>> referencedBy = new HashMap<>();
        try (PreparedStatement statement = prepare(connection, "SELECT LOWER(table_name), LOWER(referenced_table_name)"
                + " FROM information_schema.referential_constraints WHERE constraint_schema = DATABASE()");
             ResultSet keys = statement.executeQuery()) {
            while (keys.next()) {
                if (!keys.getString(1).equals(keys.getString(2))) {
                    referencedBy.computeIfAbsent(keys.getString(2), table -> new HashSet<>()).add(keys.getString(1));
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        while (!remaining.isEmpty()) {
            List<String> free = remaining.stream().sorted()
                    .filter(table -> referencedBy.getOrDefault(table, Set.of()).stream().noneMatch(remaining::contains)).toList();
            if (free.isEmpty()) {
                throw new IllegalStateException("Foreign keys form a cycle among " + remaining + ": delete them by hand");
            }
            ordered.addAll(free);
            free.forEach(remaining::remove);
        }
        return ordered;
    }

    private static List<String> rows(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.executeUpdate();
        }
    }

    /** A connection of its own, for a test that holds a transaction open (row locks) while the server works. */
    static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getenv("DB_URL"), "root", "");
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
