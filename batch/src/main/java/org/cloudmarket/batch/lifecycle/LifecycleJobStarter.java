package org.cloudmarket.batch.lifecycle;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import org.cloudmarket.billing.service.LifecycleJobs;
import org.cloudmarket.billing.service.LifecycleRunView;

/**
 * Starts and reads the lifecycle-run job from this module, whose job XML and artifacts it is (ejb's LifecycleRuns reaches
 * it by LifecycleJobs.JNDI, as BillingRuns reaches BillingJobStarter).
 */
@Stateless
@Local(LifecycleJobs.class)
public class LifecycleJobStarter implements LifecycleJobs {

    @Override
    public long start(long tenantId, Instant at) {
        Properties parameters = new Properties();
        parameters.setProperty(TENANT_ID, Long.toString(tenantId));
        parameters.setProperty(AT, at.toString());
        return operator().start(JOB, parameters);
    }

    @Override
    public Optional<LifecycleRunView> find(long tenantId, long executionId) {
        JobOperator operator = operator();
        try {
            JobExecution execution = operator.getJobExecution(executionId);
            Properties parameters = operator.getParameters(executionId);
            if (execution == null || parameters == null || !JOB.equals(execution.getJobName())
                    || !Long.toString(tenantId).equals(parameters.getProperty(TENANT_ID))) {
                return Optional.empty();
            }
            return Optional.of(new LifecycleRunView(execution.getExecutionId(), Instant.parse(parameters.getProperty(AT)),
                    execution.getBatchStatus().name(), execution.getExitStatus(), instant(execution.getStartTime()),
                    instant(execution.getEndTime())));
        } catch (NoSuchJobExecutionException e) {
            return Optional.empty();
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
