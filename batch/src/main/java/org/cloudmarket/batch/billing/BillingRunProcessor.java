package org.cloudmarket.batch.billing;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import org.cloudmarket.billing.service.BillingRunWork;
import org.cloudmarket.billing.service.DueSubscription;
import org.cloudmarket.billing.service.RunTenant;

/**
 * The pure generator on one subscription (BillingRunWork.plan: RecurringGenerator.plan on its page row), handed to the
 * writer, which writes a chunk of them at once; one that only its entity can bill (a renewal, a deferred change, usage to
 * measure) is billed whole in its own transaction here. One that fails is recorded as the run's error and filtered out
 * (null), so the others are billed.
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

    private RunTenant tenant;

    @Override
    public Object processItem(Object item) {
        if (tenant == null) {
            tenant = work.tenant(Long.parseLong(tenantId)); // once per partition: the artifact is the partition's
        }
        return work.plan(Long.parseLong(tenantId), Long.parseLong(runId), Instant.parse(at), (DueSubscription) item, tenant);
    }
}
