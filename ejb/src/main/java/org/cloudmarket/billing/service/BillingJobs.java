package org.cloudmarket.billing.service;

import java.util.Properties;

/**
 * The billing-run job as the batch module starts it (JobOperator, its own job XML and artifacts): ejb knows nothing of
 * Jakarta Batch (DESIGN, Modules), so BillingRuns reaches the batch module's implementation by its JNDI name.
 */
public interface BillingJobs {

    /** java:app name of the batch module's implementation (its ejb-jar.xml names the module). */
    String JNDI = "java:app/cloudmarket-batch/BillingJobStarter!org.cloudmarket.billing.service.BillingJobs";

    String JOB = "billing-run";

    /** What {@link #start} answers for a run that waits for a free slot. */
    long QUEUED = 0;

    /**
     * Starts the job with {@code tenantId}, {@code at} (ISO instant) and {@code runId}; answers the execution id, or
     * {@link #QUEUED} when as many runs as this node runs at once are running: the run starts when one of them ends
     * (and BillingRunWork.started records its execution then).
     */
    long start(Properties parameters);

    /** Whether the run waits in this node's queue for a free slot (a STARTING run without an execution that is not stale). */
    boolean queued(long runId);

    /** Restarts a FAILED or STOPPED execution where its checkpoints left it; answers the new execution id. */
    long restart(long executionId, Properties parameters);

    /** Asks a running execution to stop at its next checkpoint (JobOperator.stop); false when it is not running. */
    boolean stop(long executionId);

    /**
     * Whether the execution is starting or running in this server: one this server started and JBeret still runs (false
     * for one a server stop left behind as STARTED).
     */
    boolean running(long executionId);

    /**
     * An execution no server runs any more, left STARTING/STARTED in JBeret's repository by a server that stopped, marked
     * FAILED there (its steps and partitions too), so that JobOperator.restart accepts it.
     */
    void failStale(long executionId);
}
