package org.cloudmarket.billing.service;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.cloudmarket.billing.domain.BillingRunStatus;
import org.cloudmarket.shared.error.Conflict;

/** The billing_run and billing_run_error rows (billing-engine.xml), on plain JDBC in the caller's transaction. */
@Dependent
class BillingRunRows {

    /** How the invoices step's errors begin (BillingRunWork.invoice), so that its restart finds them. */
    static final String NOT_INVOICED = "Not invoiced: ";


    /** A run's row. */
    record Run(long id, long tenantId, Long jobExecutionId, Instant at, BillingRunStatus status, int itemsTotal, int itemsDone,
               Instant startedAt, Instant endedAt) {
    }

    private static final String COLUMNS = "id, tenant_id, job_execution_id, at, status, items_total, items_done, started_at, ended_at";

    @Resource(lookup = "java:jboss/datasources/CloudmarketDS")
    private DataSource dataSource;

    /** A new STARTING run; a tenant's second unfinished run fails on uk_billing_run_unfinished: a 409. */
    long insert(long tenantId, Instant at, Long startedBy, Instant now) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO billing_run (tenant_id, at, status, items_total, items_done, started_at, started_by) VALUES (?, ?, ?, 0, 0, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            RunSql.bind(statement, tenantId, at, BillingRunStatus.STARTING.name(), now, startedBy);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLIntegrityConstraintViolationException e) {
            throw new Conflict("A billing run of this marketplace is still running; wait for it to end");
        } catch (SQLException e) {
            if ("23000".equals(e.getSQLState())) {
                throw new Conflict("A billing run of this marketplace is still running; wait for it to end");
            }
            throw new IllegalStateException("The billing run could not be written: " + e.getMessage(), e);
        }
    }

    Optional<Run> find(long tenantId, long id) {
        return RunSql.query(dataSource, "SELECT " + COLUMNS + " FROM billing_run WHERE tenant_id = ? AND id = ?", BillingRunRows::run,
                tenantId, id).stream().findFirst();
    }

    List<Run> newestFirst(long tenantId, int limit) {
        return RunSql.query(dataSource, "SELECT " + COLUMNS + " FROM billing_run WHERE tenant_id = ? ORDER BY id DESC LIMIT ?",
                BillingRunRows::run, tenantId, limit);
    }

    /** The tenant's STARTING/STARTED runs (one at most, by uk_billing_run_unfinished). */
    List<Run> unfinished(long tenantId) {
        return RunSql.query(dataSource, "SELECT " + COLUMNS + " FROM billing_run WHERE tenant_id = ? AND status IN ('STARTING', 'STARTED')",
                BillingRunRows::run, tenantId);
    }

    /** An unfinished run its server left behind, FAILED unless it changed meanwhile; answers whether it was. */
    boolean abandoned(long tenantId, long runId, BillingRunStatus from, Instant now) {
        return RunSql.update(dataSource, "UPDATE billing_run SET status = 'FAILED', ended_at = ? WHERE tenant_id = ? AND id = ? AND status = ?",
                now, tenantId, runId, from.name()) == 1;
    }

    List<BillingRunView.ErrorView> errors(long tenantId, long runId) {
        return RunSql.query(dataSource, "SELECT subscription_id, message FROM billing_run_error WHERE tenant_id = ? AND run_id = ? ORDER BY id",
                row -> new BillingRunView.ErrorView(RunSql.nullableLong(row, "subscription_id"), row.getString("message")), tenantId, runId);
    }

    /**
     * A FAILED or STOPPED run is STARTING again for its restart: unfinished once more, which the key allows only while no
     * other run of the tenant is (409).
     */
    void claim(long tenantId, long runId, BillingRunStatus from) {
        int changed;
        try {
            changed = RunSql.update(dataSource, "UPDATE billing_run SET status = ?, ended_at = NULL WHERE tenant_id = ? AND id = ? AND status = ?",
                    BillingRunStatus.STARTING.name(), tenantId, runId, from.name());
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException sql && "23000".equals(sql.getSQLState())) {
                throw new Conflict("A billing run of this marketplace is still running; wait for it to end");
            }
            throw e;
        }
        if (changed == 0) {
            throw new Conflict("Billing run " + runId + " is no longer " + from);
        }
    }

    /** The job runs under this execution; STARTED unless the job ended already (a quick one ends before this is written). */
    void started(long tenantId, long runId, long jobExecutionId) {
        RunSql.update(dataSource, "UPDATE billing_run SET job_execution_id = ?, status = CASE WHEN status = 'STARTING' THEN 'STARTED' ELSE status END"
                + " WHERE tenant_id = ? AND id = ?", jobExecutionId, tenantId, runId);
    }

    /** The first mapping's count and ranges, kept for a restart; a restart's mapping finds them set and leaves them. */
    void total(long tenantId, long runId, int itemsTotal, String ranges) {
        RunSql.update(dataSource, "UPDATE billing_run SET items_total = ?, partition_ranges = ? WHERE tenant_id = ? AND id = ?"
                + " AND partition_ranges IS NULL", itemsTotal, ranges, tenantId, runId);
    }

    /** The ranges the run's first mapping cut, if it did. */
    Optional<String> ranges(long tenantId, long runId) {
        return RunSql.query(dataSource, "SELECT partition_ranges FROM billing_run WHERE tenant_id = ? AND id = ? AND partition_ranges IS NOT NULL",
                row -> row.getString(1), tenantId, runId).stream().findFirst();
    }

    void progress(long tenantId, long runId, int done) {
        RunSql.update(dataSource, "UPDATE billing_run SET items_done = items_done + ? WHERE tenant_id = ? AND id = ?", done, tenantId, runId);
    }

    /**
     * The errors an earlier attempt of the run left on subscriptions this chunk has now billed: a run killed or cut off
     * from its database mid-chunk, then restarted, bills that chunk again, and its errors would say otherwise.
     */
    void resolved(long tenantId, long runId, List<Long> subscriptionIds) {
        if (!subscriptionIds.isEmpty()) {
            RunSql.update(dataSource, "DELETE FROM billing_run_error WHERE tenant_id = ? AND run_id = ? AND subscription_id IN ("
                    + subscriptionIds.stream().map(id -> "?").collect(Collectors.joining(",")) + ")",
                    Stream.concat(Stream.of(tenantId, runId), subscriptionIds.stream()).toArray());
        }
    }

    /** The invoices step's errors of an earlier attempt: a restart issues every group again, and records what fails again. */
    void invoicingRetried(long tenantId, long runId) {
        RunSql.update(dataSource, "DELETE FROM billing_run_error WHERE tenant_id = ? AND run_id = ? AND message LIKE ?", tenantId, runId,
                NOT_INVOICED + "%");
    }

    void ended(long tenantId, long runId, BillingRunStatus status, Instant now) {
        RunSql.update(dataSource, "UPDATE billing_run SET status = ?, ended_at = ? WHERE tenant_id = ? AND id = ?", status.name(), now,
                tenantId, runId);
    }

    void error(long tenantId, long runId, Long subscriptionId, String message, Instant now) {
        String text = message == null || message.isBlank() ? "Failed without a message" : message;
        RunSql.update(dataSource, "INSERT INTO billing_run_error (tenant_id, run_id, subscription_id, message, created_at) VALUES (?, ?, ?, ?, ?)",
                tenantId, runId, subscriptionId, text.length() > 2000 ? text.substring(0, 2000) : text, now);
    }

    private static Run run(ResultSet row) throws SQLException {
        return new Run(row.getLong("id"), row.getLong("tenant_id"), RunSql.nullableLong(row, "job_execution_id"), RunSql.instant(row, "at"),
                BillingRunStatus.valueOf(row.getString("status")), row.getInt("items_total"), row.getInt("items_done"),
                RunSql.instant(row, "started_at"), RunSql.instant(row, "ended_at"));
    }
}
