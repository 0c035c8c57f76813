package org.cloudmarket.batch.billing;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.cloudmarket.billing.service.BillingRunWork;
import org.cloudmarket.billing.service.PlannedSubscription;

/**
 * A chunk's period orders, proceeds, period advances and changelog lines written in one transaction with multi-row
 * statements (BillingRunWork.write: one by one when the chunk fails), then its items counted done in the chunk's
 * transaction, with its checkpoint.
 */
@Named("billingRunWriter")
public class BillingRunWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    private String tenantId;

    @Inject
    @BatchProperty
    private String runId;

    @EJB
    private BillingRunWork work;

    @Override
    public void writeItems(List<Object> items) {
        work.write(Long.parseLong(tenantId), Long.parseLong(runId), items.stream().map(PlannedSubscription.class::cast).toList(), items.size());
    }
}
