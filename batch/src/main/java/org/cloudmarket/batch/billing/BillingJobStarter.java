package org.cloudmarket.batch.billing;

import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.annotation.Resource;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
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

    /** What JBeret's repository says STARTED of an execution after its server stopped, rewritten FAILED (tables of configure.cli's repository). */
    private static final List<String> FAIL_STALE = List.of(
            "UPDATE PARTITION_EXECUTION SET BATCHSTATUS = 'FAILED' WHERE BATCHSTATUS IN ('STARTING', 'STARTED', 'STOPPING')"
                    + " AND STEPEXECUTIONID IN (SELECT STEPEXECUTIONID FROM STEP_EXECUTION WHERE JOBEXECUTIONID = ?)",
            "UPDATE STEP_EXECUTION SET BATCHSTATUS = 'FAILED', ENDTIME = CURRENT_TIMESTAMP WHERE JOBEXECUTIONID = ?"
                    + " AND BATCHSTATUS IN ('STARTING', 'STARTED', 'STOPPING')",
            "UPDATE JOB_EXECUTION SET BATCHSTATUS = 'FAILED', EXITSTATUS = 'FAILED', ENDTIME = CURRENT_TIMESTAMP,"
                    + " LASTUPDATEDTIME = CURRENT_TIMESTAMP WHERE JOBEXECUTIONID = ? AND BATCHSTATUS IN ('STARTING', 'STARTED', 'STOPPING')");

    /** The executions this server started and whose job has not ended: JBeret's repository alone cannot tell a dead server's from a live one's. */
    private static final Set<Long> HERE = ConcurrentHashMap.newKeySet();

    @Resource(lookup = "java:jboss/datasources/CloudmarketDS")
    private DataSource dataSource;

    @Override
    public long start(Properties parameters) {
        return here(operator().start(JOB, parameters));
    }

    @Override
    public long restart(long executionId, Properties parameters) {
        return here(operator().restart(executionId, parameters));
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
        return HERE.contains(executionId) && RUNNING.contains(operator().getJobExecution(executionId).getBatchStatus());
    }

    @Override
    public void failStale(long executionId) {
        try (Connection connection = dataSource.getConnection()) {
            for (String sql : FAIL_STALE) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setLong(1, executionId);
                    statement.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Execution " + executionId + " could not be marked failed: " + e.getMessage(), e);
        }
    }

    /** The job of this execution ended (BillingRunListener): it no longer runs here. */
    static void ended(long executionId) {
        HERE.remove(executionId);
    }

    private static long here(long executionId) {
        HERE.add(executionId);
        return executionId;
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
