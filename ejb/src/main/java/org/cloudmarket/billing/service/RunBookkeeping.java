package org.cloudmarket.billing.service;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import org.cloudmarket.billing.domain.BillingRunStatus;

/** A run's errors and its end, each committed at once, whatever becomes of the chunk or step that met them. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RunBookkeeping {

    @Inject
    private BillingRunRows rows;

    @Inject
    private Clock clock;

    public void error(long tenantId, long runId, Long subscriptionId, String message) {
        rows.error(tenantId, runId, subscriptionId, message, clock.instant());
    }

    public void total(long tenantId, long runId, int itemsTotal, String ranges) {
        rows.total(tenantId, runId, itemsTotal, ranges);
    }

    /** The job ended: COMPLETED, FAILED or STOPPED, as the job's batch status says. */
    public void ended(long tenantId, long runId, BillingRunStatus status) {
        rows.ended(tenantId, runId, status, clock.instant());
    }
}
