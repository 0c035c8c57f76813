package org.cloudmarket.batch.billing;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.cloudmarket.billing.domain.BillingRunStatus;
import org.cloudmarket.billing.service.BillingRunWork;

/**
 * The run's row follows its job: when the job ends, COMPLETED, FAILED or STOPPED (the job's batch status is still
 * STARTED while its last listener runs when nothing failed).
 */
@Named("billingRunListener")
public class BillingRunListener extends AbstractJobListener {

    @Inject
    @BatchProperty
    private String tenantId;

    @Inject
    @BatchProperty
    private String runId;

    @Inject
    private JobContext jobContext;

    @EJB
    private BillingRunWork work;

    @EJB
    private BillingRunQueue queue;

    @Override
    public void afterJob() {
        BatchStatus status = jobContext.getBatchStatus();
        BillingRunStatus ended = switch (status) {
            case FAILED, ABANDONED -> BillingRunStatus.FAILED;
            case STOPPING, STOPPED -> BillingRunStatus.STOPPED;
            default -> BillingRunStatus.COMPLETED;
        };
        try {
            work.ended(Long.parseLong(tenantId), Long.parseLong(runId), ended);
        } finally {
            // the slot goes back even when the run's row could not be written (the database gone): else two such ends
            // would leave every later run of the node queued for ever; the row, left STARTED, is recovered as stale
            BillingJobStarter.ended(jobContext.getExecutionId());
            queue.slotFreed(); // its slot to the next queued run (BillingJobStarter.CONCURRENT)
        }
    }
}
