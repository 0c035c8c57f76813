package org.cloudmarket.shared.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

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
        return entityManager.createNativeQuery(tenantScoped(sql)).setHint(ALLOW, true);
    }

    /** The rule itself, for the few statements that run on plain JDBC (metering's batches): refused unless it names tenant_id. */
    public static String tenantScoped(String sql) {
        if (!sql.contains("tenant_id")) {
            throw new IllegalArgumentException("A native statement names its tenant: " + sql);
        }
        return sql;
    }
}
