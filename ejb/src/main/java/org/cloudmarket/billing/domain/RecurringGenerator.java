package org.cloudmarket.billing.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.pricing.Coupon;
import org.cloudmarket.pricing.PriceChain;
import org.cloudmarket.subscription.domain.BillingCycle;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.SubscriptionType;

/**
 * The pure recurring generator (issue 13; Kill Bill's DefaultInvoiceGenerator as the model): from a subscription's
 * terms, what was already billed, the usage of closed periods and a target instant, the proceeds a run must write.
 * No clock, no database. The rules, in this one place:
 * <ul>
 * <li>prepaid (license, prepaid extras, coupon and bundle discounts; {@link ProceedChain#items}) of every period of the
 * window that started by {@code at}: periods that start at or after the window's start (a plan change's window opens
 * mid-period, whose rest its proration pair billed), before its end and before {@code endedAt}. Period 0 is the first
 * invoice's (its setup fee included) and is never billed here.</li>
 * <li>postpaid ({@link PostpaidItems}: POST_PAID extras in full, usage per metric, PAY_AS_YOU_GO from its metric) of
 * every period whose end plus the grace is at or before {@code at}; a terminated subscription's last period is cut at
 * {@code endedAt}, and nothing after it is billed.</li>
 * <li>nothing for a trial or a sandbox (billed to nobody), nor for a subscription never bought (awaiting approval or
 * its first payment, rejected, expired); an UNDEPLOYED one only its postpaid up to {@code endedAt}. A STOPPED one is billed
 * as a DEPLOYED one (a decision, review 13 point 20: a suspension leaves the contract in force; its end stops the
 * billing).</li>
 * <li>reconciled as Kill Bill's SubscriptionItemTree does: a key {@code billed} holds is never produced again, and a
 * component a mid-period change already billed by its proration pair (PRORATION_CREDIT/DEBIT of that period) is not
 * billed prepaid in that period a second time.</li>
 * <li>the platform fee per line, an extra resource's own percentage overriding the marketplace's.</li>
 * </ul>
 * A run at a later instant after missed runs thus catches up every due period exactly once.
 */
public final class RecurringGenerator {

    /** Statuses of a subscription never bought, or refused: nothing is billed. */
    private static final Set<DeploymentStatus> UNBOUGHT = EnumSet.of(DeploymentStatus.REQUIRES_APPROVAL, DeploymentStatus.REJECTED,
            DeploymentStatus.WAITING_PAYMENT, DeploymentStatus.PAYMENT_EXPIRED);

    /** Statuses at the end: prepaid only up to {@code endedAt}, never a renewal. */
    private static final Set<DeploymentStatus> ENDING = EnumSet.of(DeploymentStatus.UNDEPLOY_SENT, DeploymentStatus.UNDEPLOYED);

    private RecurringGenerator() {
    }

    /**
     * @param terms what the subscription is billed on
     * @param billed the keys its proceed rows already hold (at least those of periods starting at or after
     *               {@link #billedSince})
     * @param usage the measured usage of a closed period
     * @param at the run's instant
     * @param grace how long after a period's end its usage is final (metering.graceHours)
     */
    public static BillingPlan plan(BillingTerms terms, Set<BilledKey> billed, PeriodUsage usage, Instant at, Duration grace) {
        if (terms.type() != SubscriptionType.NORMAL || UNBOUGHT.contains(terms.status()) || at.isBefore(terms.cycle().anchor())
                || terms.status() == DeploymentStatus.UNDEPLOYED && terms.endedAt().isEmpty()) {
            return BillingPlan.NOTHING;
        }
        List<DueProceed> due = new ArrayList<>();
        Function<String, BigDecimal> feePercent = terms.fees()::of;
        if (terms.status() != DeploymentStatus.UNDEPLOYED) {
            prepaid(terms, billed, at, due);
        }
        postpaid(terms, billed, usage, at, grace, feePercent, due);
        boolean renewalDue = terms.autoRenew() && !terms.endsAt().isAfter(at) && terms.endedAt().isEmpty()
                && !ENDING.contains(terms.status()) && postpaidClosed(terms, at, grace);
        return new BillingPlan(due, renewalDue);
    }

    /**
     * Whether the window's last postpaid period is due by {@code at} (its end plus the grace), so this plan bills it on
     * the window's own prices. The renewal waits for it (review 13, point 7): a renewal replaces the snapshot, and a
     * later run would price that period's usage on the new window's lists (DOMAIN, Price changes: new prices only from
     * the renewal on). Holding the renewal back is simpler than carrying the previous window's snapshot in the terms:
     * only the grace's hours separate the two, and a window without postpaid components renews at its end as before.
     */
    private static boolean postpaidClosed(BillingTerms terms, Instant at, Duration grace) {
        return PostpaidItems.components(terms.prices(), terms.extraResources()).isEmpty() || !terms.endsAt().plus(grace).isAfter(at);
    }

    /**
     * The earliest period start whose keys {@link #plan} needs in {@code billed}: a reader may leave out older rows. Postpaid
     * proceeds of the window's last periods may still be due after a renewal, for as long as the grace.
     */
    public static Instant billedSince(BillingTerms terms, Duration grace) {
        return terms.cycle().period(postpaidFrom(terms, grace)).start();
    }

    private static void prepaid(BillingTerms terms, Set<BilledKey> billed, Instant at, List<DueProceed> due) {
        BillingCycle cycle = terms.cycle();
        Instant stop = terms.endedAt().filter(ended -> ended.isBefore(terms.endsAt())).orElse(terms.endsAt());
        // a plan change opens its window mid-period: that period's prepaid was the old plan's, its rest the proration pair's
        int windowFirst = cycle.indexAt(terms.windowStart());
        int first = cycle.period(windowFirst).start().equals(terms.windowStart()) ? windowFirst : windowFirst + 1;
        Map<Boolean, List<ProceedChain.Item>> itemsByCoupon = new HashMap<>(); // a window's periods all price alike
        for (int k = Math.max(1, first); ; k++) {
            BillingPeriod period = cycle.period(k);
            if (period.start().isAfter(at) || !period.start().isBefore(stop)) {
                return;
            }
            Optional<Coupon> coupon = terms.coupon().filter(each -> each.isValidAt(period.start())); // until it expires
            List<ProceedChain.Item> items = itemsByCoupon.computeIfAbsent(coupon.isPresent(),
                    withCoupon -> ProceedChain.items(periodInput(terms, coupon, period)));
            PeriodOrigin origin = period.start().equals(terms.windowStart()) ? PeriodOrigin.RENEWAL : PeriodOrigin.MONTHLY;
            for (ProceedChain.Item item : items) {
                if (!billed.contains(new BilledKey(item.component(), item.kind(), period.start()))
                        && !prorated(billed, item.component(), period.start())) {
                    due.add(new DueProceed(period, origin, item));
                }
            }
        }
    }

    private static void postpaid(BillingTerms terms, Set<BilledKey> billed, PeriodUsage usage, Instant at, Duration grace,
                                 Function<String, BigDecimal> feePercent, List<DueProceed> due) {
        BillingCycle cycle = terms.cycle();
        Instant stop = terms.endedAt().filter(ended -> ended.isBefore(terms.endsAt())).orElse(terms.endsAt());
        int windowFirst = cycle.indexAt(terms.windowStart());
        List<PostpaidItems.Component> components = PostpaidItems.components(terms.prices(), terms.extraResources());
        if (components.isEmpty()) {
            return;
        }
        for (int k = postpaidFrom(terms, grace); ; k++) {
            BillingPeriod whole = cycle.period(k);
            if (!whole.start().isBefore(stop)) {
                return;
            }
            BillingPeriod period = whole.end().isAfter(stop) ? new BillingPeriod(whole.start(), stop) : whole;
            if (period.end().plus(grace).isAfter(at)) {
                return;
            }
            if (components.stream().allMatch(each -> billed.contains(new BilledKey(each.component(), each.kind(), period.start())))) {
                continue; // measured and billed by an earlier run
            }
            List<ProceedChain.Item> items = PostpaidItems.of(terms.prices(), terms.extraResources(), usage.of(period), feePercent)
                    .stream().filter(item -> !billed.contains(new BilledKey(item.component(), item.kind(), period.start()))).toList();
            PeriodOrigin origin = k == 0 ? PeriodOrigin.FIRST
                    : k == windowFirst && whole.start().equals(terms.windowStart()) ? PeriodOrigin.RENEWAL : PeriodOrigin.MONTHLY;
            items.forEach(item -> due.add(new DueProceed(period, origin, item)));
        }
    }

    /** The first period whose usage may still be open: the grace reaches back over the window's start. */
    private static int postpaidFrom(BillingTerms terms, Duration grace) {
        Instant from = terms.windowStart().minus(grace);
        return from.isBefore(terms.cycle().anchor()) ? 0 : terms.cycle().indexAt(from);
    }

    /** A mid-period change's proration pair bills the component for that period: no second charge (Kill Bill's reconciliation). */
    private static boolean prorated(Set<BilledKey> billed, String component, Instant periodStart) {
        return billed.contains(new BilledKey(component, ProceedKind.PRORATION_DEBIT, periodStart))
                || billed.contains(new BilledKey(component, ProceedKind.PRORATION_CREDIT, periodStart));
    }

    private static ProceedChain.PeriodInput periodInput(BillingTerms terms, Optional<Coupon> coupon, BillingPeriod period) {
        return new ProceedChain.PeriodInput(terms.prices(), terms.duration(), terms.extraResources(), coupon,
                new ProceedChain.QuoteRequestTime(period.start(), terms.cycle().zone(), period.start()), false, terms.fees());
    }
}
