package org.cloudmarket.billing.service;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.cloudmarket.billing.domain.BilledKey;
import org.cloudmarket.billing.domain.FeePercents;
import org.cloudmarket.billing.domain.Proceed;
import org.cloudmarket.billing.domain.ProceedKind;
import org.cloudmarket.billing.domain.RecurringGenerator;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.SubscriptionType;
import org.cloudmarket.tenancy.domain.OrganizationKind;

/**
 * The keyset pages a billing run reads (DESIGN, Billing engine): a tenant's billable subscriptions by id,
 * {@code WHERE tenant_id = ? AND id > ? ORDER BY id LIMIT n}, with the seller's organization joined in for the proceeds'
 * parties, then the keys of the page's proceeds in one query. Billable: a NORMAL subscription whose first invoice went out
 * (trials and sandboxes bill the customer nothing; waiting for approval or payment, nothing yet), and one ended
 * (UNDEPLOY_SENT, UNDEPLOYED) for a while after its {@code ended_at}: its last period's postpaid falls due at its end plus
 * the grace (RecurringGenerator cuts that period at {@code endedAt}), and the generator's billed keys keep it from being
 * billed twice.
 */
@Dependent
class SubscriptionPages {

    /** The id range of a tenant's billable subscriptions and how many there are. */
    record Range(long minId, long maxId, int count) {
    }

    /**
     * The bound is {@code ended_at} >= now - ({@link #ENDED_REACH} + grace). STOPPED is billable on purpose (review 13, point
     * 20; docs/architecture.md, Billing engine): a suspension, for an unpaid invoice or a quota, leaves the contract in
     * force, so its periods are billed and its window renews; its end (UNDEPLOY_SENT) is what stops the billing.
     */
    static final String BILLABLE = "s.type = 'NORMAL' AND (s.deployment_status IN ('PENDING', 'DEPLOYED', 'FAILED', 'STOPPED')"
            + " OR s.deployment_status IN ('UNDEPLOY_SENT', 'UNDEPLOYED') AND s.ended_at >= ?)";

    /**
     * A manual renewal whose renewal invoice for the window after {@code ends_at} is paid (ManualRenewals; DELAYED counts as
     * paid) renews at its end as an auto-renewing one does: the run reads it as auto-renewing, so the one rule of when a
     * window renews (RecurringGenerator: at its end, once its last postpaid usage is billed on its own prices) holds for
     * both, and Renewals.renew takes that invoice's prices from its order.
     */
    static final String PAID_RENEWAL = "EXISTS (SELECT 1 FROM purchase_order r JOIN invoice ri ON ri.tenant_id = r.tenant_id AND ri.order_id = r.id"
            + " WHERE r.tenant_id = s.tenant_id AND r.subscription_id = s.id AND r.type = 'RENEWAL' AND r.period_start = s.ends_at"
            + " AND ri.kind <> 'CREDIT_NOTE' AND ri.status IN ('PAID', 'DELAYED'))";

    /**
     * How long after its end plus the grace an ended subscription is still read: its last postpaid is due at its end plus
     * the grace whatever the plan's period (the period is cut at the end), so this is only the slack of runs missed
     * meanwhile (an outage, a stopped schedule); a month of them.
     */
    static final Duration ENDED_REACH = Duration.ofDays(31);

    @Resource(lookup = "java:jboss/datasources/CloudmarketDS")
    private DataSource dataSource;

    @Inject
    private Clock clock;

    Range range(long tenantId, Duration grace) {
        return RunSql.query(dataSource, "SELECT MIN(s.id), MAX(s.id), COUNT(*) FROM subscription s WHERE s.tenant_id = ? AND " + BILLABLE,
                row -> new Range(row.getLong(1), row.getLong(2), row.getInt(3)), tenantId, endedSince(grace)).get(0);
    }

    /** The earliest end of an ended subscription a run still reads. */
    private Instant endedSince(Duration grace) {
        return clock.instant().minus(grace).minus(ENDED_REACH);
    }

    /** The next page after {@code afterId}, up to {@code lastId} (a partition's end). */
    List<DueSubscription> page(long tenantId, long afterId, long lastId, int limit, ZoneId zone, Duration grace) {
        List<DueSubscription> rows = RunSql.query(dataSource, """
                SELECT s.id, s.type, s.deployment_status, s.customer_id, s.seller_id, s.vendor_id, s.plan_id, s.order_id, s.coupon_id,
                       s.prices, s.extra_resources, s.duration, s.anchor_at, s.window_start, s.period_start, s.period_end, s.ends_at,
                       (s.auto_renew OR\s""" + PAID_RENEWAL + """
                       ) AS auto_renew, s.trial_ends_at, s.ended_at,
                       (s.next_extra_resources IS NOT NULL OR s.next_plan_id IS NOT NULL) AS deferred, so.kind AS seller_kind, sp.id AS parent_id, sp.kind AS parent_kind
                FROM subscription s
                LEFT JOIN organization so ON so.tenant_id = s.tenant_id AND so.id = s.seller_id
                LEFT JOIN organization sp ON sp.tenant_id = so.tenant_id AND sp.id = so.parent_id
                WHERE s.tenant_id = ? AND s.id > ? AND s.id <= ? AND\s""" + BILLABLE + " ORDER BY s.id LIMIT ?",
                SubscriptionPages::row, tenantId, afterId, lastId, endedSince(grace), limit);
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, Set<BilledKey>> billed = billed(tenantId, rows, zone, grace);
        return rows.stream().map(row -> row.withBilled(billed.getOrDefault(row.id(), Set.of()))).toList();
    }

    /** The keys the page's proceeds hold, from the earliest period the generator still looks at (RecurringGenerator.billedSince). */
    private Map<Long, Set<BilledKey>> billed(long tenantId, List<DueSubscription> rows, ZoneId zone, Duration grace) {
        Instant from = rows.stream().map(row -> billedSince(row, zone, grace)).min(Instant::compareTo).orElseThrow();
        String ids = rows.stream().map(row -> Long.toString(row.id())).collect(Collectors.joining(","));
        Map<Long, Set<BilledKey>> billed = new HashMap<>();
        RunSql.query(dataSource, "SELECT subscription_id, component, kind, period_start FROM proceed WHERE tenant_id = ? AND subscription_id IN ("
                + ids + ") AND period_start >= ?", row -> billed.computeIfAbsent(row.getLong(1), id -> new HashSet<>())
                .add(new BilledKey(row.getString(2), ProceedKind.valueOf(row.getString(3)), RunSql.instant(row, "period_start"))),
                tenantId, from);
        return Collections.unmodifiableMap(billed);
    }

    /** A row whose terms cannot be read (a malformed snapshot) fails in its own planning, recorded; its page goes on. */
    private static Instant billedSince(DueSubscription row, ZoneId zone, Duration grace) {
        try {
            return RecurringGenerator.billedSince(row.terms(zone, Optional.empty(), FeePercents.flat(BigDecimal.ZERO)), grace);
        } catch (RuntimeException e) {
            return row.windowStart();
        }
    }

    private static DueSubscription row(ResultSet row) throws SQLException {
        Long sellerId = RunSql.nullableLong(row, "seller_id");
        String sellerKind = row.getString("seller_kind");
        Long resellerId = OrganizationKind.RESELLER.name().equals(sellerKind) ? sellerId : null;
        Long distributorId = OrganizationKind.DISTRIBUTOR.name().equals(sellerKind) ? sellerId
                : sellerId != null && OrganizationKind.DISTRIBUTOR.name().equals(row.getString("parent_kind")) ? RunSql.nullableLong(row, "parent_id")
                : null;
        long id = row.getLong("id");
        Proceed.Parties parties = new Proceed.Parties(id, row.getLong("order_id"), RunSql.nullableLong(row, "customer_id"), sellerId,
                row.getLong("vendor_id"), distributorId, resellerId, row.getLong("plan_id"));
        return new DueSubscription(id, SubscriptionType.valueOf(row.getString("type")), DeploymentStatus.valueOf(row.getString("deployment_status")),
                parties, RunSql.nullableLong(row, "coupon_id"), row.getString("prices"), row.getString("extra_resources"), row.getInt("duration"),
                RunSql.instant(row, "anchor_at"), RunSql.instant(row, "window_start"), RunSql.instant(row, "period_start"),
                RunSql.instant(row, "period_end"), RunSql.instant(row, "ends_at"), row.getBoolean("auto_renew"),
                RunSql.instant(row, "trial_ends_at"), RunSql.instant(row, "ended_at"), row.getBoolean("deferred"), Set.of());
    }
}
