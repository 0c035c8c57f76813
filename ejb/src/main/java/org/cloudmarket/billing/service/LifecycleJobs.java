package org.cloudmarket.billing.service;

import java.time.Instant;
import java.util.Optional;

/**
 * The {@code lifecycle-run} job (batch module, META-INF/batch-jobs/lifecycle-run.xml) as the batch module starts and
 * reads it for one tenant at one instant, as {@link BillingJobs} is the billing run's: ejb knows nothing of Jakarta
 * Batch (DESIGN, Modules), so {@link LifecycleRuns} reaches the batch module's implementation by its JNDI name, and the
 * hourly schedule (batch module) calls it after each tenant's billing run. The tenant travels as a job parameter: the
 * job binds it itself on its own thread, never from a request.
 */
public interface LifecycleJobs {

    /** java:app name of the batch module's implementation (its ejb-jar.xml names the module). */
    String JNDI = "java:app/cloudmarket-batch/LifecycleJobStarter!org.cloudmarket.billing.service.LifecycleJobs";

    String JOB = "lifecycle-run";
    String TENANT_ID = "tenantId";
    String AT = "at";

    /** Starts the job; its execution id. */
    long start(long tenantId, Instant at);

    /** An execution of this job for this tenant; nothing for another job's or another tenant's. */
    Optional<LifecycleRunView> find(long tenantId, long executionId);
}
