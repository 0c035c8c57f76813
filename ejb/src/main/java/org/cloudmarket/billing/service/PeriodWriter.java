package org.cloudmarket.billing.service;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.cloudmarket.billing.domain.DueProceed;
import org.cloudmarket.billing.domain.PeriodOrigin;
import org.cloudmarket.billing.domain.Proceed;

/**
 * The proceeds' writes of a chunk (RunChunkWrites) or of one subscription (SubscriptionBilling), in the caller's
 * transaction (DESIGN, Billing engine): the MONTHLY/RENEWAL order of each billed period, then the proceeds, each as
 * multi-row statements of {@value #ROWS} rows ({@code INSERT ... ON DUPLICATE KEY UPDATE id = id}) on the natural keys (uk_order_subscription_period, uk_proceed_period), so a re-run or a restarted chunk writes
 * nothing twice. Not {@code INSERT IGNORE}: that also turns a foreign key, NOT NULL or truncation error into a warning and
 * drops or alters the row silently; here only the natural key's duplicate is accepted and anything else fails. Period 0 (the first invoice's) belongs to
 * the subscription's own order. A period order copies its subscription and the order that bought it (who placed it, the
 * source, the marketplace currency): it is the platform's, placed for the buyer.
 */
@Dependent
class PeriodWriter {

    /** The period orders of up to {@link #ROWS} subscriptions: their (subscription, type, period start, total) as a derived table. */
    private static final String ORDERS = """
            INSERT INTO purchase_order (tenant_id, type, status, source, customer_id, seller_id, storefront_id, vendor_id, product_id,
                plan_id, placed_by, duration, extra_resources, coupon_id, currency, marketplace_currency, exchange_rate, start_at,
                subscription_id, total, created_at, version, period_start)
            SELECT s.tenant_id, v.type, 'PAID', o.source, s.customer_id, s.seller_id, s.storefront_id, s.vendor_id, s.product_id, s.plan_id,
                o.placed_by, s.duration, s.extra_resources, s.coupon_id, s.currency, o.marketplace_currency, s.exchange_rate, v.period_start,
                s.id, v.total, ?, 0, v.period_start
            FROM (%s) v
            JOIN subscription s ON s.tenant_id = ? AND s.id = v.subscription_id
            JOIN purchase_order o ON o.tenant_id = s.tenant_id AND o.id = s.order_id
            ON DUPLICATE KEY UPDATE purchase_order.id = purchase_order.id""";

    private static final String ORDER_ROW = "SELECT ? AS subscription_id, ? AS type, CAST(? AS DATETIME(6)) AS period_start,"
            + " CAST(? AS DECIMAL(19,4)) AS total";

    private static final String PROCEEDS = """
            INSERT INTO proceed (tenant_id, subscription_id, order_id, component, kind, period_start, period_end, customer_id,
                seller_id, vendor_id, distributor_id, reseller_id, plan_id, description, quantity, currency, unit_price, amount,
                upstream_currency, vendor_amount, wholesale_amount, sell_in_amount, platform_fee, exchange_rate, created_at, billing_run_id)
            VALUES %s
            ON DUPLICATE KEY UPDATE id = id""";

    private static final String PROCEED_ROW = "(" + String.join(", ", Collections.nCopies(26, "?")) + ")";

    /** Rows a multi-row statement carries (a proceed has 26 parameters: 2,600 a statement). */
    private static final int ROWS = 100;

    private record PeriodKey(long subscriptionId, Instant periodStart) {
    }

    @Resource(lookup = "java:jboss/datasources/CloudmarketDS")
    private DataSource dataSource;

    /** Writes the subscriptions' orders and proceeds; answers the rows the driver counted (a duplicate may count as found). */
    int write(long tenantId, long runId, List<PlannedSubscription> chunk, Instant now) {
        Map<PeriodKey, DueProceed> periods = new LinkedHashMap<>();
        Map<PeriodKey, BigDecimal> totals = new HashMap<>();
        for (PlannedSubscription planned : chunk) {
            for (DueProceed proceed : planned.proceeds()) {
                if (proceed.origin() != PeriodOrigin.FIRST) {
                    PeriodKey key = new PeriodKey(planned.subscription().id(), proceed.period().start());
                    periods.putIfAbsent(key, proceed);
                    totals.merge(key, proceed.item().chain().amount(), BigDecimal::add);
                }
            }
        }
        if (chunk.stream().allMatch(planned -> planned.proceeds().isEmpty())) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection()) {
            insertOrders(connection, tenantId, periods, totals, now);
            Map<PeriodKey, Long> orders = orderIds(connection, tenantId, periods);
            return insertProceeds(connection, tenantId, runId, chunk, orders, now);
        } catch (SQLException e) {
            throw new IllegalStateException("The chunk's proceeds could not be written: " + e.getMessage(), e);
        }
    }

    private static void insertOrders(Connection connection, long tenantId, Map<PeriodKey, DueProceed> periods, Map<PeriodKey, BigDecimal> totals,
                                     Instant now) throws SQLException {
        List<Map.Entry<PeriodKey, DueProceed>> all = new ArrayList<>(periods.entrySet());
        for (int from = 0; from < all.size(); from += ROWS) {
            List<Map.Entry<PeriodKey, DueProceed>> part = all.subList(from, Math.min(all.size(), from + ROWS));
            List<Object> parameters = new ArrayList<>();
            parameters.add(now);
            for (Map.Entry<PeriodKey, DueProceed> period : part) {
                parameters.add(period.getKey().subscriptionId());
                parameters.add(period.getValue().origin() == PeriodOrigin.RENEWAL ? "RENEWAL" : "MONTHLY");
                parameters.add(period.getKey().periodStart());
                parameters.add(totals.get(period.getKey()));
            }
            parameters.add(tenantId);
            String rows = String.join(" UNION ALL ", Collections.nCopies(part.size(), ORDER_ROW));
            try (PreparedStatement statement = RunSql.prepare(connection, ORDERS.formatted(rows), parameters.toArray())) {
                statement.executeUpdate();
            }
        }
    }

    private static Map<PeriodKey, Long> orderIds(Connection connection, long tenantId, Map<PeriodKey, DueProceed> periods) throws SQLException {
        Map<PeriodKey, Long> ids = new HashMap<>();
        if (periods.isEmpty()) {
            return ids;
        }
        String subscriptions = periods.keySet().stream().map(key -> Long.toString(key.subscriptionId())).distinct().collect(Collectors.joining(","));
        Instant from = periods.keySet().stream().map(PeriodKey::periodStart).min(Instant::compareTo).orElseThrow();
        try (PreparedStatement statement = RunSql.prepare(connection, "SELECT subscription_id, period_start, id FROM purchase_order"
                + " WHERE tenant_id = ? AND subscription_id IN (" + subscriptions + ") AND period_start >= ?", tenantId, from);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.put(new PeriodKey(rows.getLong(1), RunSql.instant(rows, "period_start")), rows.getLong(3));
            }
        }
        return ids;
    }

    private static int insertProceeds(Connection connection, long tenantId, long runId, List<PlannedSubscription> chunk,
                                      Map<PeriodKey, Long> orders, Instant now) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (PlannedSubscription planned : chunk) {
            Proceed.Parties parties = planned.subscription().parties();
            for (DueProceed proceed : planned.proceeds()) {
                Long orderId = proceed.origin() == PeriodOrigin.FIRST ? Long.valueOf(parties.orderId())
                        : orders.get(new PeriodKey(parties.subscriptionId(), proceed.period().start()));
                if (orderId == null) {
                    throw new IllegalStateException("No order of subscription " + parties.subscriptionId() + "'s period " + proceed.period());
                }
                Proceed.Chain chain = proceed.item().chain();
                rows.add(new Object[] {tenantId, parties.subscriptionId(), orderId, proceed.item().component(), proceed.item().kind().name(),
                        proceed.period().start(), proceed.period().end(), parties.customerId(), parties.sellerId(), parties.vendorId(),
                        parties.distributorId(), parties.resellerId(), parties.planId(), proceed.item().description(),
                        proceed.item().quantity(), chain.currency().getCurrencyCode(), chain.unitPrice(), chain.amount(),
                        chain.upstreamCurrency().getCurrencyCode(), chain.vendorAmount(), chain.wholesaleAmount(), chain.sellInAmount(),
                        chain.platformFee(), chain.exchangeRate(), now, runId});
            }
        }
        int inserted = 0;
        for (int from = 0; from < rows.size(); from += ROWS) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + ROWS));
            Object[] parameters = part.stream().flatMap(Arrays::stream).toArray();
            String sql = PROCEEDS.formatted(String.join(", ", Collections.nCopies(part.size(), PROCEED_ROW)));
            try (PreparedStatement statement = RunSql.prepare(connection, sql, parameters)) {
                inserted += statement.executeUpdate();
            }
        }
        return inserted;
    }
}
