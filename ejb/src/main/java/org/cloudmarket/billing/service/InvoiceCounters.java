package org.cloudmarket.billing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.cloudmarket.billing.domain.InvoiceKind;
import org.cloudmarket.shared.persistence.NativeSql;
import org.cloudmarket.shared.tenant.TenantContext;

/**
 * The gap-free counters of invoice numbers (DOMAIN.md, Decisions: Invoices), table invoice_counter, per tenant,
 * issuer (0 = the tenant), series and year. A number is taken in the issuing transaction: the row is locked with
 * SELECT ... FOR UPDATE and raised by one, so concurrent issues take turns and a rollback gives the number back.
 * <p>
 * The row itself is made beforehand in a transaction of its own ({@link #ensure}): a locking read of a row that is
 * not there yet would take gap locks, and two issuers inserting into the same gap deadlock. Creating a counter at
 * 0 leaves no gap; an INSERT IGNORE racing another only waits for it. That transaction needs a second connection
 * while the issuing one holds its own, so it is opened only for a counter that does not exist yet (the first
 * invoice of an issuer's series in a year): with one per issue, 30 parallel orders took the pool's 30 connections
 * and each waited for a 31st (InvoicesIT's fifty parallel orders). The existence check is a plain read, which
 * locks nothing, so the separate transaction never waits for the issuing one.
 */
@ApplicationScoped
public class InvoiceCounters {

    @Inject
    private EntityManager entityManager;

    @Inject
    private TenantContext tenantContext;

    /** The next number of the counter, inside the caller's (issuing) transaction; the counter is made first when missing. */
    public int next(long issuerKey, InvoiceKind kind, int year) {
        return take(issuerKey, kind, year, 1);
    }

    /**
     * The first of {@code count} consecutive numbers of the counter (a billing run's group of invoices of one issuer),
     * raised once under its row lock, held until the caller's transaction ends: the numbers are the caller's alone, and a
     * rollback gives them all back.
     */
    public int take(long issuerKey, InvoiceKind kind, int year, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("At least one number, not " + count);
        }
        long tenantId = tenantContext.requireTenantId();
        if (!exists(tenantId, issuerKey, kind, year)) {
            rows.ensure(issuerKey, kind, year);
        }
        List<?> rows = NativeSql.of(entityManager, "SELECT last_value FROM invoice_counter WHERE tenant_id = ? AND issuer_key = ?"
                        + " AND kind = ? AND year = ? FOR UPDATE")
                .setParameter(1, tenantId).setParameter(2, issuerKey).setParameter(3, kind.name()).setParameter(4, year)
                .getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("No invoice counter " + issuerKey + "/" + kind + "/" + year + ": ensure it first");
        }
        int first = ((Number) rows.get(0)).intValue() + 1;
        NativeSql.of(entityManager, "UPDATE invoice_counter SET last_value = ? WHERE tenant_id = ? AND issuer_key = ? AND kind = ?"
                        + " AND year = ?")
                .setParameter(1, first + count - 1).setParameter(2, tenantId).setParameter(3, issuerKey).setParameter(4, kind.name())
                .setParameter(5, year).executeUpdate();
        return first;
    }

    private boolean exists(long tenantId, long issuerKey, InvoiceKind kind, int year) {
        return ((Number) NativeSql.of(entityManager, "SELECT COUNT(*) FROM invoice_counter WHERE tenant_id = ?"
                        + " AND issuer_key = ? AND kind = ? AND year = ?")
                .setParameter(1, tenantId).setParameter(2, issuerKey).setParameter(3, kind.name()).setParameter(4, year)
                .getSingleResult()).longValue() > 0;
    }

    @Inject
    private Rows rows;

    /** Makes a counter's row, in a transaction of its own (a bean of its own, so that its interceptor runs). */
    @ApplicationScoped
    public static class Rows {

        @Inject
        private EntityManager entityManager;

        @Inject
        private TenantContext tenantContext;

        /** Makes the counter's row at 0 if it is not there, committed on its own. */
        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void ensure(long issuerKey, InvoiceKind kind, int year) {
            NativeSql.of(entityManager, "INSERT IGNORE INTO invoice_counter (tenant_id, issuer_key, kind, year, last_value)"
                            + " VALUES (?, ?, ?, ?, 0)")
                    .setParameter(1, tenantContext.requireTenantId()).setParameter(2, issuerKey).setParameter(3, kind.name())
                    .setParameter(4, year).executeUpdate();
        }
    }
}
