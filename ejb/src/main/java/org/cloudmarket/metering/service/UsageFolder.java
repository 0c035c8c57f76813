package org.cloudmarket.metering.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudmarket.shared.tenant.TenantContext;

/**
 * Folds a subscription's dirty series (METERING-CONTRACT "Fold"), each in a transaction of its own ({@link SeriesFold}:
 * the series row locked before its readings are read), then has its quotas checked once the hours are committed, in a
 * transaction of its own too ({@link QuotaCheck}): a quota mail that fails never rolls a fold back nor fails a reader,
 * and the check's lock on the subscription is never taken while a series row is held (every writer of usage takes the
 * subscription's row first, then the series: MeteredSubscriptions). The usage API, quotas and billing
 * call {@link #fold} before they read hours; {@link UsageFoldTimer} folds the others. Folding is idempotent and shows
 * nothing, so anyone may ask for it: the callers check access. Outside the caller's transaction: the dirty series are the
 * committed ones. A fold takes a shared lock on the subscription's row: fold BEFORE locking or writing the subscription
 * in the calling transaction, or the fold waits for that transaction, which waits for the fold.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UsageFolder {

    private static final Logger LOG = Logger.getLogger(UsageFolder.class.getName());

    @Inject
    private MeteringSql sql;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private SeriesFold seriesFold;

    @Inject
    private QuotaCheck quotaCheck;

    /** Folds every dirty series of the subscription, each committed on its own, then has its quotas checked. */
    public void fold(long subscriptionId) {
        long tenantId = tenantContext.requireTenantId();
        List<Long> dirty = sql.query("SELECT metric_id FROM usage_series WHERE tenant_id = ? AND subscription_id = ? AND dirty_from IS NOT NULL"
                + " ORDER BY metric_id", List.of(tenantId, subscriptionId), row -> row.getLong(1));
        boolean folded = false;
        for (long metricId : dirty) {
            folded |= seriesFold.fold(subscriptionId, metricId);
        }
        if (!folded) {
            return;
        }
        // the hours are committed: the quotas compare the period so far with them (METERING-CONTRACT "Services")
        try {
            quotaCheck.check(subscriptionId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The quotas of subscription " + subscriptionId + " could not be checked after its fold; the next fold checks"
                    + " them again", e);
        }
    }
}
