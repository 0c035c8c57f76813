package org.cloudmarket.billing.service;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.cloudmarket.shared.tenant.TenantContext;

/**
 * The writes of a chunk's row-planned subscriptions (RunPlanning) in one transaction of their own: the period orders and
 * proceeds (PeriodWriter, multi-row statements on the natural keys), then the periods opened and their changelog lines
 * (PeriodAdvances). A period advance therefore never commits without the proceeds computed from the terms before it; a
 * chunk that fails is rolled back whole, and BillingRunWork writes its subscriptions again one by one, so that only the
 * one that fails is the run's error. The caller bumps the tenant's cache generation once this committed. Committed before the chunk's checkpoint: a run killed between the two reads the
 * chunk again after its restart and finds it billed (the natural keys, the periods opened), adding nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RunChunkWrites {

    @Inject
    private TenantContext tenantContext;

    @Inject
    private PeriodWriter writer;

    @Inject
    private PeriodAdvances advances;

    @Inject
    private Clock clock;

    public void write(long tenantId, long runId, List<PlannedSubscription> chunk) {
        tenantContext.callAs(tenantId, () -> {
            Instant now = clock.instant();
            writer.write(tenantId, runId, chunk, now);
            advances.write(tenantId, chunk.stream().filter(planned -> planned.advanceTo().isPresent())
                    .map(planned -> new PeriodAdvances.Advance(planned.subscription().id(), planned.subscription().periodStart(),
                            planned.subscription().periodEnd(), planned.advanceTo().orElseThrow())).toList(), now);
            return null;
        });
    }
}
