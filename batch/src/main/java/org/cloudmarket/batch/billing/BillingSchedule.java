package org.cloudmarket.batch.billing;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.cloudmarket.billing.service.BillingRuns;

/**
 * The hourly billing runs (issue 13): at five past every hour a run of each tenant bills what fell due up to the top of
 * the hour (hourly plans bill on time); a tenant whose run still goes is skipped, which the database decides (one
 * unfinished run per tenant), so two nodes' schedules never run a tenant twice. {@code -Dcloudmarket.billing.schedule=false}
 * turns it off (the integration tests start runs by the API).
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BillingSchedule {

    static final String SWITCH = "cloudmarket.billing.schedule";

    @EJB
    private BillingRuns billingRuns;

    @Schedule(hour = "*", minute = "5", persistent = false)
    void hourly() {
        if (!"false".equalsIgnoreCase(System.getProperty(SWITCH, "true").strip())) {
            billingRuns.hourly();
        }
    }
}
