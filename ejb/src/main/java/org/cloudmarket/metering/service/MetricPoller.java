package org.cloudmarket.metering.service;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.shared.tenant.TenantIds;

/**
 * Polls the vendors' metric endpoints (METERING-CONTRACT "Polls"): every {@code cloudmarket.metering.poll-ms}
 * (default 5000), for every tenant, schedules the rows (MetricPolls) and starts each due poll on the executor
 * {@code java:jboss/ee/concurrency/executor/metering-polls} (configure.cli), at most
 * {@code cloudmarket.metering.polls-per-vendor} (default 2) at once per vendor: a vendor at its cap is skipped this
 * round, its rows stay due, and the other vendors' polls start, so one slow vendor delays nobody else: a round takes
 * no row of a vendor at its cap and at most the cap's rows of any other (MetricPolls#due), however many it has due. At most
 * {@link #THREADS} polls run at once in all (the executor's threads), so a queued poll never waits behind a hanging
 * one. The caps are this node's; the rows' claims keep nodes apart. Non-persistent and created after the schema
 * migration, as OutboxTimer; no business method.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MetricPoller {

    private static final Logger LOG = Logger.getLogger(MetricPoller.class.getName());
    static final String INTERVAL = "cloudmarket.metering.poll-ms";
    static final String PER_VENDOR = "cloudmarket.metering.polls-per-vendor";
    /** The metering-polls executor's threads (configure.cli). */
    static final int THREADS = 16;
    /** The due rows one round takes per tenant (default 200; the tests' server takes fewer, to exceed a batch). */
    static final String BATCH = "cloudmarket.metering.poll-batch";

    private int batch;

    private final AtomicBoolean running = new AtomicBoolean();
    private PollCaps caps;
    /** Longer than a poll may run (PollClient's deadline: twice its timeout), so a claim never runs out mid-poll. */
    private Duration claim;

    @Resource
    private TimerService timers;

    @Resource(lookup = "java:jboss/ee/concurrency/executor/metering-polls")
    private ManagedExecutorService executor;

    @Inject
    private TenantIds tenants;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private MetricPolls polls;

    @Inject
    private PollAttempt attempt;

    @Inject
    private Clock clock;

    @PostConstruct
    void schedule() {
        caps = new PollCaps(Integer.getInteger(PER_VENDOR, 2), THREADS);
        batch = Math.max(1, Integer.getInteger(BATCH, 200));
        claim = Duration.ofMillis(2 * Math.max(1, Long.getLong(PollClient.TIMEOUT, 5000))).plusMinutes(1);
        long millis = Math.max(100, Long.getLong(INTERVAL, 5000));
        timers.createIntervalTimer(millis, millis, new TimerConfig(null, false));
    }

    @Timeout
    void pollDue() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            for (long tenantId : tenants.all()) {
                pollDueOf(tenantId);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The tenants could not be read; the next round polls", e);
        } finally {
            running.set(false);
        }
    }

    private void pollDueOf(long tenantId) {
        Instant now = clock.instant();
        List<DuePoll> due;
        try {
            due = tenantContext.callAs(tenantId, () -> {
                polls.schedule(now);
                // the vendors at their cap are left out: their due rows would take the batch's places for nothing
                return polls.due(now, batch, caps.perVendor(), caps.atCap(tenantId));
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The metric polls of tenant " + tenantId + " could not be read; the next round tries again", e);
            return;
        }
        for (DuePoll poll : due) {
            try {
                start(tenantId, poll);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Poll " + poll.readingId() + " of tenant " + tenantId + " could not start; the next round tries again", e);
            }
        }
    }

    /** Starts the poll unless its vendor, or the executor, is at its cap: then it stays due for a later round. */
    private void start(long tenantId, DuePoll poll) {
        if (!caps.take(tenantId, poll.vendorId())) {
            return;
        }
        boolean started = false;
        // claimed at this instant, not the round's: a poll that ended meanwhile freed its place before it
        Instant now = clock.instant();
        try {
            if (tenantContext.callAs(tenantId, () -> polls.claim(poll, now, now.plus(claim)))) {
                executor.execute(() -> {
                    try {
                        attempt.run(tenantId, poll);
                    } catch (RuntimeException | Error e) {
                        // the executor would drop it silently; the row's claim runs out and the slot is polled again
                        LOG.log(Level.SEVERE, "Poll " + poll.readingId() + " of tenant " + tenantId + " broke off", e);
                        throw e;
                    } finally {
                        caps.release(tenantId, poll.vendorId());
                    }
                });
                started = true;
            }
        } catch (RejectedExecutionException e) {
            LOG.info(() -> "Poll " + poll.readingId() + " waits for its claim to run out: " + e);
        } finally {
            if (!started) {
                caps.release(tenantId, poll.vendorId());
            }
        }
    }
}
