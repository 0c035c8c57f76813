package org.cloudmarket.batch.billing;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudmarket.billing.domain.ScheduledBilling;
import org.cloudmarket.billing.service.BillingRuns;
import org.cloudmarket.billing.service.BillingTenant;
import org.cloudmarket.billing.service.LifecycleJobs;
import org.cloudmarket.billing.service.VendorCosts;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.shared.tenant.TenantIds;

/**
 * The hourly billing runs (issue 13): at five past every hour a run of each tenant bills what fell due up to the top of
 * the hour (hourly plans bill on time); a tenant whose run still goes is skipped, which the database decides (one
 * unfinished run per tenant), so two nodes' schedules never run a tenant twice. Then, per tenant, its lifecycle run at
 * the same instant (renewals, reminders, suspensions: each decision idempotent) and, on the 1st of the month in its zone,
 * the vendors' trial and sandbox costs of the month before (idempotent too); what is due when is {@link ScheduledBilling}.
 * {@code -Dcloudmarket.billing.schedule=false} turns it all off (the integration tests start runs by the API).
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BillingSchedule {

    static final String SWITCH = "cloudmarket.billing.schedule";
    private static final Logger LOG = Logger.getLogger(BillingSchedule.class.getName());

    @EJB
    private BillingRuns billingRuns;

    @EJB
    private LifecycleJobs lifecycleJobs;

    @Inject
    private VendorCosts vendorCosts;

    @Inject
    private BillingTenant billingTenant;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private TenantIds tenantIds;

    @Inject
    private Clock clock;

    @Schedule(hour = "*", minute = "5", persistent = false)
    void hourly() {
        if ("false".equalsIgnoreCase(System.getProperty(SWITCH, "true").strip())) {
            return;
        }
        billingRuns.hourly();
        for (long tenantId : tenantIds.all()) {
            // one tenant's failure is logged and leaves the others' work alone
            try {
                tenantContext.callAs(tenantId, () -> afterBillingRun(tenantId));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The scheduled lifecycle run or vendor costs of tenant " + tenantId + " failed", e);
            }
        }
    }

    private Void afterBillingRun(long tenantId) {
        ScheduledBilling due = ScheduledBilling.due(clock.instant(), billingTenant.tenant().getTimeZone());
        lifecycleJobs.start(tenantId, due.at());
        due.vendorCostMonth().ifPresent(vendorCosts::invoiceMonth);
        return null;
    }
}
