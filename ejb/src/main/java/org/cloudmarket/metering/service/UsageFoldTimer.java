package org.cloudmarket.metering.service;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.cloudmarket.shared.tenant.TenantContext;

/**
 * Folds the dirty series of every tenant every {@code cloudmarket.metering.fold-ms} (default 10,000), the subscriptions
 * dirty the longest first and at most {@link #ROUND} a round, each subscription in a transaction of its own ({@link UsageFolder#fold}): one that fails is logged and folded next round. Non-persistent,
 * created after the schema migration, as the other timers; no business method.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UsageFoldTimer {

    private static final Logger LOG = Logger.getLogger(UsageFoldTimer.class.getName());
    static final String INTERVAL = "cloudmarket.metering.fold-ms";
    /**
     * Every reader folds what it reads itself (UsageFolder.fold: the usage API, quotas, billing), so the timer only
     * catches up on what nobody asks for, and need not be eager: folding every second, back to back under a steady
     * intake, took a fair share of the server (issue 12, "Performance").
     */
    static final long DEFAULT_INTERVAL = 10_000;
    /** Subscriptions a round folds at most; the rest wait for the next round. */
    static final int ROUND = 200;
    /** Across tenants on purpose: the timer binds each row's tenant before it folds. */
    private static final String DIRTY = "SELECT tenant_id, subscription_id FROM usage_series WHERE dirty_from IS NOT NULL"
            + " GROUP BY tenant_id, subscription_id ORDER BY MIN(dirty_from) LIMIT " + ROUND;

    private final AtomicBoolean running = new AtomicBoolean();

    @Resource
    private TimerService timers;

    @Resource(lookup = "java:jboss/datasources/CloudmarketDS")
    private DataSource dataSource;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private UsageFolder folder;

    @PostConstruct
    void schedule() {
        long millis = Math.max(1, Long.getLong(INTERVAL, DEFAULT_INTERVAL));
        timers.createIntervalTimer(millis, millis, new TimerConfig(null, false));
    }

    @Timeout
    void foldDirty() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            for (long[] dirty : dirty()) {
                try {
                    tenantContext.callAs(dirty[0], () -> {
                        folder.fold(dirty[1]);
                        return null;
                    });
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "The usage of subscription " + dirty[1] + " of tenant " + dirty[0] + " could not be folded;"
                            + " the next round tries again", e);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The dirty usage series could not be read; the next round tries again", e);
        } finally {
            running.set(false);
        }
    }

    private List<long[]> dirty() {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(DIRTY);
             ResultSet rows = statement.executeQuery()) {
            List<long[]> dirty = new ArrayList<>();
            while (rows.next()) {
                dirty.add(new long[] {rows.getLong(1), rows.getLong(2)});
            }
            return dirty;
        } catch (SQLException e) {
            throw new IllegalStateException("The dirty usage series could not be read", e);
        }
    }
}
