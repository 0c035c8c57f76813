package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The schema's tenancy rules, checked on the migrated database so that no future changeset can
 * break them quietly: every table is tenant-owned (tenant_id NOT NULL leading each of its keys)
 * unless it is one of the few platform tables named here.
 */
class SchemaConventionsIT extends EarIT {

    /** Tables without tenant_id, on purpose. Adding one here is a design decision, not a fix. */
    private static final Set<String> PLATFORM_TABLES = Set.of("tenant", "databasechangelog", "databasechangeloglock");

    @Test
    void everyTableButThePlatformOnesHasANonNullTenantId() {
        List<String> tables = TestDatabase.query("SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = DATABASE()");
        List<String> withTenant = TestDatabase.query("""
                SELECT LOWER(table_name) FROM information_schema.columns
                WHERE table_schema = DATABASE() AND column_name = 'tenant_id' AND is_nullable = 'NO'""");

        assertThat(tables).contains("organization", "storefront", "app_user", "api_token", "audit_entry");
        assertThat(tables).filteredOn(table -> !PLATFORM_TABLES.contains(table)).allMatch(withTenant::contains,
                "has tenant_id NOT NULL");
    }

    @Test
    void tenantIdLeadsEveryIndexAndUniqueKeyOfATenantOwnedTable() {
        String keysOfTenantTables = """
                FROM information_schema.statistics s
                WHERE s.table_schema = DATABASE() AND s.seq_in_index = 1 AND s.index_name <> 'PRIMARY'
                  AND s.table_name IN (SELECT table_name FROM information_schema.columns
                                       WHERE table_schema = DATABASE() AND column_name = 'tenant_id')""";
        List<String> checked = TestDatabase.query("SELECT CONCAT(s.table_name, '.', s.index_name) " + keysOfTenantTables);
        List<String> offending = TestDatabase.query("SELECT CONCAT(s.table_name, '.', s.index_name, ' starts with ', s.column_name) "
                + keysOfTenantTables + " AND s.column_name <> 'tenant_id'");

        assertThat(checked).as("the keys looked at").contains("app_user.uk_app_user_tenant_email", "api_token.uk_api_token_tenant_hash");
        assertThat(offending).isEmpty();
    }
}
