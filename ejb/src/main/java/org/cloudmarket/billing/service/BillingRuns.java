package org.cloudmarket.billing.service;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.cloudmarket.billing.domain.BillingRunStatus;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.identity.service.Caller;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.shared.tenant.TenantIds;

/**
 * The billing runs of the current tenant (issue 13; BILLING-CONTRACT): the one entry point of the API, the back-office
 * and the hourly schedule. A run bills what is due up to its instant, never a future one. Its row is written first,
 * committed on its own: the database lets a tenant have one unfinished run (uk_billing_run_unfinished), so a second start,
 * from this node or another, is a 409 before any job starts. Then the batch module starts (or restarts) the job. A run
 * a stopped server left STARTING/STARTED would hold that key for ever: when a start meets the key, and once after each
 * server start (batch's BillingRecovery), such a run is marked FAILED (and its JBeret execution, so it can be restarted)
 * and the start goes on. "Not running" is judged by this server (BillingJobs.running): one node, as deployed today.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BillingRuns {

    private static final Logger LOG = Logger.getLogger(BillingRuns.class.getName());
    private static final int LIST_LIMIT = 100;

    /** A STARTING run with no execution yet after this long is one whose server stopped before its job started. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    @Inject
    private BillingRunRows rows;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private Caller caller;

    @Inject
    private Clock clock;

    @Inject
    private TenantIds tenantIds;

    public BillingRunView start(Instant at) {
        if (at == null) {
            throw new InvalidInput("at", "at is the instant the run bills up to, like 2026-12-01T00:00:00Z");
        }
        if (at.isAfter(clock.instant())) {
            throw new InvalidInput("at", "at is now or earlier: a run never bills the future");
        }
        long tenantId = tenantContext.requireTenantId();
        return launch(tenantId, insert(tenantId, at, caller.userId()));
    }

    /**
     * The hourly schedule (batch module, no caller): a run of every tenant at the top of the hour, billing what fell due
     * up to it; a tenant whose run is still going is skipped. Answers the runs started.
     */
    @PermitAll
    public int hourly() {
        Instant at = clock.instant().truncatedTo(ChronoUnit.HOURS);
        int started = 0;
        for (long tenantId : tenantIds.all()) {
            try {
                started += scheduled(tenantId, at) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The hourly billing run of tenant " + tenantId + " could not start", e);
            }
        }
        return started;
    }

    private boolean scheduled(long tenantId, Instant at) {
        return tenantContext.callAs(tenantId, () -> {
            try {
                launch(tenantId, insert(tenantId, at, null));
                return true;
            } catch (Conflict e) {
                LOG.info("The hourly billing run of tenant " + tenantId + " at " + at + " is skipped: " + e.getMessage());
                return false;
            }
        });
    }

    /**
     * After a server start (batch's BillingRecovery, no caller): every tenant's run that server left unfinished marked
     * FAILED, to be restarted. Answers how many.
     */
    @PermitAll
    public int recoverAll() {
        int recovered = 0;
        for (long tenantId : tenantIds.all()) {
            try {
                recovered += tenantContext.callAs(tenantId, () -> recover(tenantId));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The unfinished billing runs of tenant " + tenantId + " could not be checked", e);
            }
        }
        return recovered;
    }

    /** A new STARTING run; when the tenant's unfinished one is a dead server's, that one FAILED first. */
    private long insert(long tenantId, Instant at, Long startedBy) {
        try {
            return rows.insert(tenantId, at, startedBy, clock.instant());
        } catch (Conflict e) {
            if (recover(tenantId) == 0) {
                throw e;
            }
            return rows.insert(tenantId, at, startedBy, clock.instant());
        }
    }

    /**
     * The tenant's unfinished runs no server runs, FAILED. A STARTED one is stale when its execution is not running here;
     * a STARTING one (a start or restart between its row and its job) when it was written before this server started, or
     * never got an execution within START_TIMEOUT.
     */
    private int recover(long tenantId) {
        int recovered = 0;
        Instant now = clock.instant();
        Instant serverStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        for (BillingRunRows.Run run : rows.unfinished(tenantId)) {
            boolean stale = run.status() == BillingRunStatus.STARTED
                    ? run.jobExecutionId() == null || !jobs().running(run.jobExecutionId())
                    : !jobs().queued(run.id()) && (run.startedAt().isBefore(serverStart)
                            || (run.jobExecutionId() == null && run.startedAt().plus(START_TIMEOUT).isBefore(now)));
            if (!stale) {
                continue;
            }
            if (run.jobExecutionId() != null) {
                jobs().failStale(run.jobExecutionId());
            }
            if (rows.abandoned(tenantId, run.id(), run.status(), now)) {
                LOG.warning("Billing run " + run.id() + " of tenant " + tenantId + " was left " + run.status()
                        + " by a server that stopped: marked FAILED");
                rows.error(tenantId, run.id(), null, "Left " + run.status() + " by a server that stopped: marked FAILED, restart it to go on", now);
                recovered++;
            }
        }
        return recovered;
    }

    /** A FAILED or STOPPED run goes on from its checkpoints (JobOperator.restart) under the same run. */
    public BillingRunView restart(long id) {
        long tenantId = tenantContext.requireTenantId();
        BillingRunRows.Run run = rows.find(tenantId, id).orElseThrow(() -> new NotFound("No billing run " + id));
        if (!run.status().mayRestart() || run.jobExecutionId() == null) {
            throw new Conflict("Billing run " + id + " is " + run.status() + ": only a failed or stopped run is restarted");
        }
        rows.claim(tenantId, id, run.status());
        long execution;
        try {
            execution = jobs().restart(run.jobExecutionId(), parameters(tenantId, run.at(), id));
        } catch (RuntimeException e) {
            rows.ended(tenantId, id, run.status(), clock.instant());
            throw e;
        }
        rows.started(tenantId, id, execution);
        return get(id);
    }

    /**
     * Stops a STARTED run at its next checkpoint (JobOperator.stop): its job ends STOPPED (BillingRunListener) and a
     * restart goes on from there. A run that is not running is a 409.
     */
    public BillingRunView stop(long id) {
        long tenantId = tenantContext.requireTenantId();
        BillingRunRows.Run run = rows.find(tenantId, id).orElseThrow(() -> new NotFound("No billing run " + id));
        if (run.status() != BillingRunStatus.STARTED || run.jobExecutionId() == null || !jobs().stop(run.jobExecutionId())) {
            throw new Conflict("Billing run " + id + " is " + run.status() + ": only a running run is stopped");
        }
        return get(id);
    }

    public List<BillingRunView> list() {
        long tenantId = tenantContext.requireTenantId();
        Instant now = clock.instant();
        return rows.newestFirst(tenantId, LIST_LIMIT).stream()
                .map(run -> BillingRunView.of(run, rows.errors(tenantId, run.id()), now)).toList();
    }

    public BillingRunView get(long id) {
        long tenantId = tenantContext.requireTenantId();
        BillingRunRows.Run run = rows.find(tenantId, id).orElseThrow(() -> new NotFound("No billing run " + id));
        return BillingRunView.of(run, rows.errors(tenantId, id), clock.instant());
    }

    private BillingRunView launch(long tenantId, long runId) {
        BillingRunRows.Run run = rows.find(tenantId, runId).orElseThrow();
        long execution;
        try {
            execution = jobs().start(parameters(tenantId, run.at(), runId));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Billing run " + runId + " of tenant " + tenantId + " could not start", e);
            rows.error(tenantId, runId, null, "The job could not start: " + e.getMessage(), clock.instant());
            rows.ended(tenantId, runId, BillingRunStatus.FAILED, clock.instant());
            return get(runId);
        }
        if (execution != BillingJobs.QUEUED) { // else BillingRunWork.started records it once the run has a slot
            rows.started(tenantId, runId, execution);
        }
        return BillingRunView.of(rows.find(tenantId, runId).orElseThrow(), List.of(), clock.instant());
    }

    private static Properties parameters(long tenantId, Instant at, long runId) {
        Properties parameters = new Properties();
        parameters.setProperty("tenantId", Long.toString(tenantId));
        parameters.setProperty("at", at.toString());
        parameters.setProperty("runId", Long.toString(runId));
        return parameters;
    }

    private static BillingJobs jobs() {
        try {
            return (BillingJobs) new InitialContext().lookup(BillingJobs.JNDI);
        } catch (NamingException e) {
            throw new IllegalStateException("The batch module's billing job is not deployed: " + e.getMessage(), e);
        }
    }
}
