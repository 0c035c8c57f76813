package org.cloudmarket.billing.service;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.cloudmarket.billing.domain.BillingSettings;
import org.cloudmarket.metering.domain.MeteringSettings;
import org.cloudmarket.shared.cache.Generations;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * What the billing-run job's artifacts (batch module) call, each call naming its tenant: a partition binds its own
 * tenant on its own thread (TenantContext.callAs here), never a request's. The chunk's calls (page, plan, write) join the
 * chunk's transaction; the chunk's writes have one of their own (RunChunkWrites), a subscription billed through its
 * entity too (SubscriptionBilling): one subscription that fails is rolled back whole, recorded in billing_run_error,
 * and the run goes on.
 */
@Stateless
public class BillingRunWork {

    private static final Logger LOG = Logger.getLogger(BillingRunWork.class.getName());

    /** Invoices in one transaction; enough for a multi-row INSERT of lines to pay, few enough to hold the counters briefly. */
    private static final int INVOICES_PER_TRANSACTION = 50;
    private static final int PROCEEDS_PER_TRANSACTION = 5_000;

    /** An id range of one partition: ids in (afterId, lastId]. */
    public record IdRange(long afterId, long lastId) {

        /**
         * [minId, maxId] cut into at most {@code partitions} ranges of about equal id spans, fewer when each would hold
         * fewer than {@code minSize} of the {@code count} rows; one empty range when there is nothing.
         */
        static List<IdRange> split(long minId, long maxId, int count, int partitions, int minSize) {
            if (count == 0) {
                return List.of(new IdRange(0, 0));
            }
            int parts = Math.max(1, Math.min(partitions, count / Math.max(1, minSize)));
            long span = maxId - minId + 1;
            List<IdRange> ranges = new ArrayList<>();
            long after = minId - 1;
            for (int i = 1; i <= parts; i++) {
                long last = i == parts ? maxId : minId - 1 + span * i / parts;
                ranges.add(new IdRange(after, last));
                after = last;
            }
            return ranges;
        }

        /** Ranges as billing_run.partition_ranges keeps them: "afterId:lastId", comma-separated. */
        static String format(List<IdRange> ranges) {
            return ranges.stream().map(range -> range.afterId() + ":" + range.lastId()).collect(Collectors.joining(","));
        }

        static List<IdRange> parse(String text) {
            return Arrays.stream(text.split(",")).map(pair -> pair.split(":"))
                    .map(pair -> new IdRange(Long.parseLong(pair[0]), Long.parseLong(pair[1]))).toList();
        }
    }

    @Inject
    private TenantContext tenantContext;

    @Inject
    private SubscriptionPages pages;

    @Inject
    private SubscriptionBilling subscriptionBilling;

    @Inject
    private RunPlanning planning;

    @Inject
    private RunChunkWrites chunkWrites;

    @Inject
    private BillingRunRows rows;

    @Inject
    private RunBookkeeping bookkeeping;

    @Inject
    private RunInvoiceWrites invoiceWrites;

    @Inject
    private Clock clock;

    @Inject
    private EntityManager entityManager;

    @Inject
    private FeeOverrides feeOverrides;

    /**
     * The tenant's billable subscriptions cut into at most {@code partitions} id ranges of at least {@code minSize} each;
     * counted as the run's items. A restart gets the first mapping's ranges again (billing_run.partition_ranges) and keeps
     * its count: subscriptions bought since are the next run's, and each partition's checkpoint stays within its range.
     */
    public List<IdRange> partitions(long tenantId, long runId, int partitions, int minSize) {
        Optional<String> kept = rows.ranges(tenantId, runId);
        if (kept.isPresent()) {
            return IdRange.parse(kept.get());
        }
        SubscriptionPages.Range range = tenantContext.callAs(tenantId,
                () -> pages.range(tenantId, MeteringSettings.of(entityManager.find(Tenant.class, tenantId).getSettings()).grace()));
        List<IdRange> ranges = IdRange.split(range.minId(), range.maxId(), range.count(), partitions, minSize);
        bookkeeping.total(tenantId, runId, range.count(), IdRange.format(ranges));
        return ranges;
    }

    /** What a partition reads of its tenant once: zone, billing settings, usage grace. */
    public RunTenant tenant(long tenantId) {
        return tenantContext.callAs(tenantId, () -> {
            Tenant tenant = entityManager.find(Tenant.class, tenantId);
            return new RunTenant(tenant.getTimeZone(), BillingSettings.of(tenant.getSettings()), MeteringSettings.of(tenant.getSettings()).grace(),
                    feeOverrides.all());
        });
    }

    public List<DueSubscription> page(long tenantId, RunTenant tenant, IdRange range, int limit) {
        return tenantContext.callAs(tenantId, () -> pages.page(tenantId, range.afterId(), range.lastId(), limit, tenant.zone(), tenant.grace()));
    }

    /**
     * The subscription planned from its row (RunPlanning; written by the chunk's writer), or, when only its entity can bill
     * it (a renewal, a deferred change, usage to measure), billed whole in a transaction of its own (SubscriptionBilling);
     * null when that failed (recorded as the run's error).
     */
    public PlannedSubscription plan(long tenantId, long runId, Instant at, DueSubscription due, RunTenant tenant) {
        try {
            return tenantContext.callAs(tenantId, () -> planning.plan(tenant, due, at))
                    .orElseGet(() -> DeadlockRetries.call("Billing run " + runId + ", subscription " + due.id(),
                            () -> subscriptionBilling.plan(tenantId, runId, at, due)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Billing run " + runId + ": subscription " + due.id() + " not billed", e);
            bookkeeping.error(tenantId, runId, due.id(), message(e));
            return null;
        }
    }

    /**
     * The chunk's row-planned subscriptions written in one transaction (RunChunkWrites); when that fails, one by one, each
     * that fails again recorded as the run's error and the others billed. Then the chunk's items counted done in the
     * chunk's transaction, with its checkpoint.
     */
    public void write(long tenantId, long runId, List<PlannedSubscription> chunk, int items) {
        List<PlannedSubscription> unwritten = chunk.stream().filter(planned -> !planned.written()).toList();
        int failed = 0;
        Set<Long> unbilled = new HashSet<>();
        if (!unwritten.isEmpty()) {
            try {
                DeadlockRetries.run("Billing run " + runId + ", a chunk of " + unwritten.size(), () -> chunkWrites.write(tenantId, runId, unwritten));
            } catch (RuntimeException e) {
                LOG.log(Level.INFO, "Billing run " + runId + ": a chunk of " + unwritten.size() + " failed, written one by one: " + message(e));
                for (PlannedSubscription planned : unwritten) {
                    try {
                        DeadlockRetries.run("Billing run " + runId + ", subscription " + planned.subscription().id(),
                                () -> chunkWrites.write(tenantId, runId, List.of(planned)));
                    } catch (RuntimeException one) {
                        LOG.log(Level.WARNING, "Billing run " + runId + ": subscription " + planned.subscription().id() + " not billed", one);
                        bookkeeping.error(tenantId, runId, planned.subscription().id(), message(one));
                        unbilled.add(planned.subscription().id());
                        failed++; // an error, not done (as one the processor filtered out)
                    }
                }
            }
            // written outside JPA, committed: the tenant's caches go, as after an entity's commit (WriteTracker)
            Generations.bump(tenantId);
        }
        int done = items - failed;
        List<Long> billed = chunk.stream().map(planned -> planned.subscription().id()).filter(id -> !unbilled.contains(id)).toList();
        tenantContext.callAs(tenantId, () -> {
            rows.progress(tenantId, runId, done);
            rows.resolved(tenantId, runId, billed);
            return null;
        });
    }

    /**
     * The invoices step: the groups cut into transactions of {@value #INVOICES_PER_TRANSACTION} invoices (at most
     * {@value #PROCEEDS_PER_TRANSACTION} proceeds), each written at once (RunInvoiceWrites); a group that cannot be invoiced
     * is the run's error and the others are issued; a transaction that fails is rolled back whole and its groups written
     * again one by one, so that only the one that fails again is the run's error.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int invoice(long tenantId, long runId) {
        tenantContext.callAs(tenantId, () -> {
            rows.invoicingRetried(tenantId, runId);
            return null;
        });
        int issued = 0;
        List<RunInvoices.Group> groups = invoiceWrites.groups(tenantId, clock.instant());
        for (List<RunInvoices.Group> batch : InvoiceBatches.cut(groups, INVOICES_PER_TRANSACTION, PROCEEDS_PER_TRANSACTION)) {
            try {
                issued += issued(tenantId, runId, DeadlockRetries.call("Billing run " + runId + ", " + batch.size() + " invoices",
                        () -> invoiceWrites.write(tenantId, batch)));
            } catch (RuntimeException e) {
                LOG.log(Level.INFO, "Billing run " + runId + ": " + batch.size() + " invoices failed, issued one by one: " + message(e));
                for (RunInvoices.Group group : batch) {
                    try {
                        issued += issued(tenantId, runId, DeadlockRetries.call("Billing run " + runId + ", an invoice",
                                () -> invoiceWrites.write(tenantId, List.of(group))));
                    } catch (RuntimeException one) {
                        notInvoiced(tenantId, runId, group, one);
                    }
                }
            }
            // written outside JPA, committed: the tenant's caches go, as after an entity's commit (WriteTracker)
            Generations.bump(tenantId);
        }
        return issued;
    }

    private int issued(long tenantId, long runId, RunInvoiceWrites.Written written) {
        written.failures().forEach(failure -> notInvoiced(tenantId, runId, failure.group(), failure.error()));
        return written.issued();
    }

    private void notInvoiced(long tenantId, long runId, RunInvoices.Group group, RuntimeException e) {
        LOG.log(Level.WARNING, "Billing run " + runId + ": an invoice of subscription " + group.firstSubscription() + " not issued", e);
        bookkeeping.error(tenantId, runId, group.firstSubscription(), BillingRunRows.NOT_INVOICED + message(e));
    }

    /** A queued run's job started (BillingJobs.start answered QUEUED): its execution recorded, the run STARTED. */
    public void started(long tenantId, long runId, long executionId) {
        tenantContext.callAs(tenantId, () -> {
            rows.started(tenantId, runId, executionId);
            return null;
        });
    }

    public void ended(long tenantId, long runId, org.cloudmarket.billing.domain.BillingRunStatus status) {
        bookkeeping.ended(tenantId, runId, status);
    }

    public void error(long tenantId, long runId, Long subscriptionId, String message) {
        bookkeeping.error(tenantId, runId, subscriptionId, message);
    }

    /** The innermost cause's message: what went wrong, not the container's wrapper. */
    private static String message(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String text = cause.getMessage();
        return cause.getClass().getSimpleName() + (text == null ? "" : ": " + text);
    }
}
