package org.cloudmarket.ordering.service;

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
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.cloudmarket.shared.tenant.TenantContext;

/**
 * Ends the trials whose end has passed ({@link TrialEnds}) and deploys the subscriptions whose
 * postponed start has come ({@link PostponedStarts}), tenant by tenant, every
 * {@code cloudmarket.trials.interval-seconds} (default 300; the IT server sets it short).
 * Non-persistent and created after the schema migration, as OutboxTimer; no business method.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TrialEndTimer {

    private static final Logger LOG = Logger.getLogger(TrialEndTimer.class.getName());
    static final String INTERVAL = "cloudmarket.trials.interval-seconds";

    private final AtomicBoolean running = new AtomicBoolean();

    @Resource
    private TimerService timers;

    @Resource(lookup = "java:jboss/datasources/CloudmarketDS")
    private DataSource dataSource;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private TrialEnds trialEnds;

    @Inject
    private PostponedStarts postponedStarts;

    @PostConstruct
    void schedule() {
        long millis = Math.max(1, Long.getLong(INTERVAL, 300)) * 1000;
        timers.createIntervalTimer(millis, millis, new TimerConfig(null, false));
    }

    @Timeout
    void endDue() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            for (long tenantId : tenants()) {
                endDueOf(tenantId);
                startDueOf(tenantId);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The tenants could not be read; the next round tries again", e);
        } finally {
            running.set(false);
        }
    }

    /** One tenant's due trials, each on its own: one that fails is logged and tried again next round. */
    private void endDueOf(long tenantId) {
        eachDue(tenantId, "ended trials", trialEnds::due, trialEnds::end);
    }

    /** One tenant's subscriptions whose postponed start has come, each on its own, as the trials. */
    private void startDueOf(long tenantId) {
        eachDue(tenantId, "postponed starts", postponedStarts::due, postponedStarts::start);
    }

    private void eachDue(long tenantId, String what, java.util.function.Supplier<List<Long>> due, java.util.function.LongConsumer work) {
        List<Long> ids;
        try {
            ids = tenantContext.callAs(tenantId, due);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The " + what + " of tenant " + tenantId + " could not be read; the next round tries again", e);
            return;
        }
        for (long id : ids) {
            try {
                tenantContext.callAs(tenantId, () -> {
                    work.accept(id);
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Subscription " + id + " of tenant " + tenantId + " (" + what + ") failed; the next round tries again", e);
            }
        }
    }

    private List<Long> tenants() {
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement("SELECT id FROM tenant ORDER BY id");
             var rows = statement.executeQuery()) {
            List<Long> ids = new java.util.ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
            return ids;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("The tenants could not be read", e);
        }
    }
}
