package org.cloudmarket.billing.service;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.Dependent;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * Starts and reads the {@code lifecycle-run} job (batch module, META-INF/batch-jobs/lifecycle-run.xml) for one tenant
 * at one instant. The hourly scheduler calls {@link #start} for each tenant after its billing run; the API through
 * {@link LifecycleRuns}, for the caller's own tenant only. The tenant travels as a job parameter: the job binds it
 * itself on its own thread, never from a request.
 */
@Dependent
public class LifecycleJobs {

    public static final String JOB = "lifecycle-run";
    public static final String TENANT_ID = "tenantId";
    public static final String AT = "at";

    /** Starts the job; its execution id. */
    public long start(long tenantId, Instant at) {
        Properties parameters = new Properties();
        parameters.setProperty(TENANT_ID, Long.toString(tenantId));
        parameters.setProperty(AT, at.toString());
        return operator().start(JOB, parameters);
    }

    /** An execution of this job for this tenant; nothing for another job's or another tenant's. */
    public Optional<LifecycleRunView> find(long tenantId, long executionId) {
        JobOperator operator = operator();
        try {
            JobExecution execution = operator.getJobExecution(executionId);
            Properties parameters = operator.getParameters(executionId);
            if (execution == null || parameters == null || !JOB.equals(execution.getJobName())
                    || !Long.toString(tenantId).equals(parameters.getProperty(TENANT_ID))) {
                return Optional.empty();
            }
            return Optional.of(LifecycleRunView.of(execution, parameters));
        } catch (NoSuchJobExecutionException e) {
            return Optional.empty();
        }
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
