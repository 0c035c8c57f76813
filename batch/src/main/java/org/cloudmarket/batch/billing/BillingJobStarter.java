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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.cloudmarket.billing.domain.BillingRunStatus;
import org.cloudmarket.billing.service.BillingJobs;
import org.cloudmarket.billing.service.BillingRunWork;

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

    /**
     * Billing runs this node runs at once (the REVIEW point: the hourly schedule starts every tenant's run together). Each
     * takes a job thread and one per partition (billing-run.xml: 2) from the batch thread pool (configure.cli: 16), so a
     * partitioned step never waits for threads its own jobs hold; the rest wait in {@link #QUEUE}, in start order, and
     * start as runs end. {@code -Dcloudmarket.billing.concurrent-runs} changes it.
     */
    static final int CONCURRENT = Math.max(1, Integer.getInteger("cloudmarket.billing.concurrent-runs", 2));

    private static final Object SLOTS = new Object();
    /** Guarded by SLOTS: the runs waiting for a slot (their job parameters) and the slots taken. */
    private static final Deque<Properties> QUEUE = new ArrayDeque<>();
    private static int taken;

    private static final Logger LOG = Logger.getLogger(BillingJobStarter.class.getName());

    @Resource(lookup = "java:jboss/datasources/CloudmarketDS")
    private DataSource dataSource;

    @Override
    public long start(Properties parameters) {
        synchronized (SLOTS) {
            if (taken >= CONCURRENT) {
                QUEUE.add(parameters);
                return QUEUED;
            }
            taken++;
        }
        return launch(() -> operator().start(JOB, parameters));
    }

    /** A restart (an ADMIN's, rare) starts at once, taking a slot that its end frees. */
    @Override
    public long restart(long executionId, Properties parameters) {
        synchronized (SLOTS) {
            taken++;
        }
        return launch(() -> operator().restart(executionId, parameters));
    }

    @Override
    public boolean queued(long runId) {
        String id = Long.toString(runId);
        synchronized (SLOTS) {
            return QUEUE.stream().anyMatch(parameters -> id.equals(parameters.getProperty("runId")));
        }
    }

    /**
     * A run's job ended (BillingRunListener, through BillingRunQueue's timer): its slot goes to the next queued run, whose execution is recorded then; one
     * that cannot start is marked FAILED with the reason and the next one tried.
     */
    static void next(BillingRunWork work) {
        while (true) {
            Properties parameters;
            synchronized (SLOTS) {
                parameters = QUEUE.poll();
                if (parameters == null) {
                    taken = Math.max(0, taken - 1);
                    return;
                }
            }
            long tenantId = Long.parseLong(parameters.getProperty("tenantId"));
            long runId = Long.parseLong(parameters.getProperty("runId"));
            try {
                work.started(tenantId, runId, here(operator().start(JOB, parameters)));
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Queued billing run " + runId + " of tenant " + tenantId + " could not start", e);
                work.error(tenantId, runId, null, "The job could not start: " + e.getMessage());
                work.ended(tenantId, runId, BillingRunStatus.FAILED);
            }
        }
    }

    private static long launch(java.util.function.LongSupplier job) {
        try {
            return here(job.getAsLong());
        } catch (RuntimeException e) {
            synchronized (SLOTS) {
                taken = Math.max(0, taken - 1);
            }
            throw e;
        }
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
