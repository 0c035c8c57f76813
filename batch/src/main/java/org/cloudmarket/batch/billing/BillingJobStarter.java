package org.cloudmarket.batch.billing;

import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import java.util.EnumSet;
import java.util.Properties;
import org.cloudmarket.billing.service.BillingJobs;

/**
 * Starts the billing-run job from this module, whose job XML and artifacts it is (ejb's BillingRuns reaches it by
 * BillingJobs.JNDI). The executions are kept in JBeret's JDBC job repository in the application's database
 * (configure.cli), so a restart after a server restart finds them.
 */
@Stateless
@Local(BillingJobs.class)
public class BillingJobStarter implements BillingJobs {

    private static final EnumSet<BatchStatus> RUNNING = EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING);

    @Override
    public long start(Properties parameters) {
        return operator().start(JOB, parameters);
    }

    @Override
    public long restart(long executionId, Properties parameters) {
        return operator().restart(executionId, parameters);
    }

    @Override
    public boolean stop(long executionId) {
        try {
            operator().stop(executionId);
            return true;
        } catch (JobExecutionNotRunningException e) {
            return false;
        }
    }

    @Override
    public boolean running(long executionId) {
        return RUNNING.contains(operator().getJobExecution(executionId).getBatchStatus());
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
