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
 * A chunk's items counted done in the chunk's transaction: each subscription's proceeds were written with its renewal and
 * period advance (SubscriptionBilling), in its own transaction.
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
