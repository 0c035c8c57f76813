package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The schema's tenancy rules, checked on the migrated database so that no future changeset can
 * break them quietly: every tenant-owned table has tenant_id NOT NULL leading each of its keys.
 */
@ExtendWith(ArquillianExtension.class)
class SchemaConventionsIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar(); // deploying runs the Liquibase migrations
    }

    @Test
    void everyTenantOwnedTableHasANonNullTenantId() throws SQLException {
        List<String> nullable = query("""
                SELECT table_name FROM information_schema.columns
                WHERE table_schema = DATABASE() AND column_name = 'tenant_id' AND is_nullable = 'YES'""");

        assertThat(tenantOwnedTables()).contains("organization", "storefront", "app_user", "api_token", "audit_entry");
        assertThat(nullable).isEmpty();
    }

    @Test
    void tenantIdLeadsEveryIndexAndUniqueKeyOfATenantOwnedTable() throws SQLException {
        List<String> offending = query("""
                SELECT CONCAT(s.table_name, '.', s.index_name, ' starts with ', s.column_name)
                FROM information_schema.statistics s
                JOIN information_schema.columns c
                  ON c.table_schema = s.table_schema AND c.table_name = s.table_name AND c.column_name = 'tenant_id'
                WHERE s.table_schema = DATABASE() AND s.seq_in_index = 1 AND s.index_name <> 'PRIMARY'
                  AND s.column_name <> 'tenant_id'""");
        List<String> checked = query("""
                SELECT DISTINCT CONCAT(s.table_name, '.', s.index_name) FROM information_schema.statistics s
                WHERE s.table_schema = DATABASE() AND s.index_name <> 'PRIMARY' AND s.table_name IN
                  (SELECT table_name FROM information_schema.columns WHERE table_schema = DATABASE() AND column_name = 'tenant_id')""");

        assertThat(checked).as("the keys looked at").contains("app_user.uk_app_user_tenant_email", "api_token.uk_api_token_tenant_hash");
        assertThat(offending).isEmpty();
    }

    private static List<String> tenantOwnedTables() throws SQLException {
        return query("""
                SELECT table_name FROM information_schema.columns
                WHERE table_schema = DATABASE() AND column_name = 'tenant_id'""");
    }

    private static List<String> query(String sql) throws SQLException {
        // DB_URL is the tests' own database, the one the server under test migrated (see ear/pom.xml).
        try (Connection connection = DriverManager.getConnection(System.getenv("DB_URL"), "root", "");
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
