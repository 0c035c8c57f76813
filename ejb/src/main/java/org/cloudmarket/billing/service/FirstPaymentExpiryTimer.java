package org.cloudmarket.billing.service;

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
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * Looks for expired first payments ({@link FirstPaymentExpiry}) every {@code cloudmarket.billing.expiry-check-ms}
 * (default one hour: the window is counted in days, so an hour late is nothing), tenant by tenant. Non-persistent,
 * created once the schema is migrated, as OutboxTimer; a round that outlasts the period is not overtaken. No
 * business method: nothing but the timer starts it (the ITs' server checks every 2 s and the tests move dates).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FirstPaymentExpiryTimer {

    private static final Logger LOG = Logger.getLogger(FirstPaymentExpiryTimer.class.getName());
    static final String PERIOD_PROPERTY = "cloudmarket.billing.expiry-check-ms";

    private final AtomicBoolean running = new AtomicBoolean();

    @Resource
    private TimerService timers;

    @Inject
    private FirstPaymentExpiry expiry;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private TenantIds tenantIds;

    @PostConstruct
    void schedule() {
        long period = Long.getLong(PERIOD_PROPERTY, 3_600_000L);
        timers.createIntervalTimer(period, period, new TimerConfig(null, false));
    }

    @Timeout
    void check() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            for (long tenantId : tenantIds.all()) {
                List<Long> due = tenantContext.callAs(tenantId, expiry::expired);
                for (long invoiceId : due) {
                    try {
                        tenantContext.callAs(tenantId, () -> {
                            expiry.expire(invoiceId);
                            return null;
                        });
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "First invoice " + invoiceId + " of tenant " + tenantId + " not expired now; the next round tries again", e);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Expired first payments could not be looked for; the next round tries again", e);
        } finally {
            running.set(false);
        }
    }

    /** The tenants, read with the platform's persistence context (no tenant bound). */
    @jakarta.enterprise.context.ApplicationScoped
    static class TenantIds {

        @Inject
        private EntityManager entityManager;

        @Transactional
        public List<Long> all() {
            return entityManager.createQuery("SELECT t.id FROM Tenant t WHERE t.slug <> :platform ORDER BY t.id", Long.class)
                    .setParameter("platform", Tenant.PLATFORM).getResultList();
        }
    }
}
