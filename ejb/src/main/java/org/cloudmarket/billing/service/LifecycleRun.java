package org.cloudmarket.billing.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudmarket.billing.domain.BillingSettings;
import org.cloudmarket.shared.tenant.TenantContext;

/**
 * One tenant's lifecycle at an instant (issue 13; DOMAIN.md, Renewal and unpaid invoices): manual renewals reminded
 * or ended (their unpaid renewal invoice credited) first, so that a lapsed renewal's invoice is never dunned; then
 * overdue invoices reminded, their subscriptions STOPPED after sleepDays and ended after delayDays; then subscriptions
 * stopped for UNPAID that nothing holds any more resumed. Each list is read in keyset pages of ids and each item
 * decided in a transaction of its own (LifecycleSteps), so a re-run at the same instant changes and sends nothing
 * more. Runs as the tenant its caller bound (the lifecycle-run job binds it explicitly); not a transaction itself.
 */
@Dependent
public class LifecycleRun {

    private static final Logger LOG = Logger.getLogger(LifecycleRun.class.getName());
    static final int PAGE = 200;

    @Inject
    private LifecycleSteps steps;

    @Inject
    private TenantContext tenantContext;

    /** What a decision did, counted by the run. */
    public enum Done { REMINDED, STOPPED, ENDED_UNPAID, RESUMED, RENEWAL_INVOICED, RENEWAL_REMINDED, LAPSED, CREDITED }

    /** What a run did, per kind of decision, and how many items failed (each is tried again by the next run). */
    public record Result(Map<Done, Integer> done, int errors) {
        @Override
        public String toString() {
            return done + (errors == 0 ? "" : ", " + errors + " failed");
        }
    }

    public Result run(Instant at) {
        long tenantId = tenantContext.requireTenantId();
        BillingSettings settings = steps.settings();
        int furthestReminder = settings.renewalReminderDays().stream().max(Integer::compare).orElse(0);
        // a window ending up to the furthest reminder day ahead (plus a day for the zone's offset) is looked at
        Instant horizon = at.plus(Duration.ofDays(furthestReminder + 1L));
        Map<Done, Integer> done = new EnumMap<>(Done.class);
        int errors = each(tenantId, "manual renewal", after -> steps.manualRenewals(after, horizon, PAGE), id -> steps.renewal(id, at), done)
                + each(tenantId, "overdue invoice", after -> steps.overdueInvoices(after, at, PAGE), id -> steps.dun(id, at), done)
                + each(tenantId, "stopped subscription", after -> steps.stoppedUnpaid(after, PAGE), id -> steps.reconsider(id, at), done);
        return new Result(done, errors);
    }

    /** Every id of the pages, decided one by one; a failure is logged and counted, and the run goes on. */
    private static int each(long tenantId, String what, LongFunction<List<Long>> page, LongFunction<List<Done>> decide,
                            Map<Done, Integer> done) {
        int errors = 0;
        long after = 0;
        List<Long> ids;
        do {
            ids = page.apply(after);
            for (long id : ids) {
                try {
                    decide.apply(id).forEach(kind -> done.merge(kind, 1, Integer::sum));
                } catch (RuntimeException e) {
                    errors++;
                    LOG.log(Level.WARNING, "Lifecycle of " + what + " " + id + " of tenant " + tenantId + " failed; the next run tries again", e);
                }
                after = id;
            }
        } while (ids.size() == PAGE);
        return errors;
    }
}
