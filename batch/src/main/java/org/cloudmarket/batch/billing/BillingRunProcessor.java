package org.cloudmarket.batch.billing;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import org.cloudmarket.billing.service.BillingRunWork;
import org.cloudmarket.billing.service.DueSubscription;

/**
 * The pure generator on one subscription (BillingRunWork.plan: RecurringGenerator.plan, a renewal first when due), its
 * proceeds written in the same transaction as its renewal and period advance. One that fails is rolled back whole,
 * recorded as the run's error and filtered out (null), so the others are billed.
 */
@Named("billingRunProcessor")
public class BillingRunProcessor implements ItemProcessor {

    @Inject
    @BatchProperty
    private String tenantId;

    @Inject
    @BatchProperty
    private String runId;

    @Inject
    @BatchProperty
    private String at;

    @EJB
    private BillingRunWork work;

    @Override
    public Object processItem(Object item) {
        return work.plan(Long.parseLong(tenantId), Long.parseLong(runId), Instant.parse(at), (DueSubscription) item);
    }
}
