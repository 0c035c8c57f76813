package org.cloudmarket.billing.service;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * A native statement of billing's own (the invoice counter, a guarded status UPDATE). EclipseLink disables native
 * SQL in a persistence unit with multitenant entities, since such SQL escapes the tenant filter; each statement here
 * names {@code tenant_id} itself, so it is allowed one query at a time.
 */
final class NativeSql {

    private static final String ALLOW = "eclipselink.jdbc.allow-native-sql-query";

    private NativeSql() {
    }

    static Query of(EntityManager entityManager, String sql) {
        if (!sql.contains("tenant_id")) {
            throw new IllegalArgumentException("A native statement names its tenant: " + sql);
        }
        return entityManager.createNativeQuery(sql).setHint(ALLOW, true);
    }
}
