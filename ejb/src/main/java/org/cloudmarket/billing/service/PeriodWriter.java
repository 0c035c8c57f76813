package org.cloudmarket.billing.service;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.cloudmarket.billing.domain.DueProceed;
import org.cloudmarket.billing.domain.PeriodOrigin;
import org.cloudmarket.billing.domain.Proceed;
import org.cloudmarket.shared.persistence.NativeSql;

/**
 * A subscription's writes in its planning's transaction (SubscriptionBilling; DESIGN, Billing engine): the MONTHLY/RENEWAL
 * order of each billed period, then the proceeds, each as one JDBC batch of {@code INSERT ... ON DUPLICATE KEY UPDATE
 * id = id} on the natural keys (uk_order_subscription_period, uk_proceed_period), so a re-run or a restarted chunk writes
 * nothing twice. Not {@code INSERT IGNORE}: that also turns a foreign key, NOT NULL or truncation error into a warning and
 * drops or alters the row silently; here only the natural key's duplicate is accepted and anything else fails. Period 0 (the first invoice's) belongs to
 * the subscription's own order. A period order copies its subscription and the order that bought it (who placed it, the
 * source, the marketplace currency): it is the platform's, placed for the buyer.
 */
@Dependent
class PeriodWriter {

    private static final String ORDER = """
            INSERT INTO purchase_order (tenant_id, type, status, source, customer_id, seller_id, storefront_id, vendor_id, product_id,
                plan_id, placed_by, duration, extra_resources, coupon_id, currency, marketplace_currency, exchange_rate, start_at,
                subscription_id, total, created_at, version, period_start)
            SELECT s.tenant_id, ?, 'PAID', o.source, s.customer_id, s.seller_id, s.storefront_id, s.vendor_id, s.product_id, s.plan_id,
                o.placed_by, s.duration, s.extra_resources, s.coupon_id, s.currency, o.marketplace_currency, s.exchange_rate, ?, s.id, ?, ?, 0, ?
            FROM subscription s JOIN purchase_order o ON o.tenant_id = s.tenant_id AND o.id = s.order_id
            WHERE s.tenant_id = ? AND s.id = ?
            ON DUPLICATE KEY UPDATE purchase_order.id = purchase_order.id""";

    private static final String PROCEED = """
            INSERT INTO proceed (tenant_id, subscription_id, order_id, component, kind, period_start, period_end, customer_id,
                seller_id, vendor_id, distributor_id, reseller_id, plan_id, description, quantity, currency, unit_price, amount,
                upstream_currency, vendor_amount, wholesale_amount, sell_in_amount, platform_fee, exchange_rate, created_at, billing_run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE id = id""";

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
        if (periods.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(NativeSql.tenantScoped(ORDER))) {
            for (Map.Entry<PeriodKey, DueProceed> period : periods.entrySet()) {
                String type = period.getValue().origin() == PeriodOrigin.RENEWAL ? "RENEWAL" : "MONTHLY";
                RunSql.bind(statement, type, period.getKey().periodStart(), totals.get(period.getKey()), now, period.getKey().periodStart(),
                        tenantId, period.getKey().subscriptionId());
                statement.addBatch();
            }
            statement.executeBatch();
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
        int inserted = 0;
        try (PreparedStatement statement = connection.prepareStatement(NativeSql.tenantScoped(PROCEED))) {
            for (PlannedSubscription planned : chunk) {
                Proceed.Parties parties = planned.subscription().parties();
                for (DueProceed proceed : planned.proceeds()) {
                    Long orderId = proceed.origin() == PeriodOrigin.FIRST ? Long.valueOf(parties.orderId())
                            : orders.get(new PeriodKey(parties.subscriptionId(), proceed.period().start()));
                    if (orderId == null) {
                        throw new IllegalStateException("No order of subscription " + parties.subscriptionId() + "'s period " + proceed.period());
                    }
                    Proceed.Chain chain = proceed.item().chain();
                    RunSql.bind(statement, tenantId, parties.subscriptionId(), orderId, proceed.item().component(), proceed.item().kind().name(),
                            proceed.period().start(), proceed.period().end(), parties.customerId(), parties.sellerId(), parties.vendorId(),
                            parties.distributorId(), parties.resellerId(), parties.planId(), proceed.item().description(),
                            proceed.item().quantity(), chain.currency().getCurrencyCode(), chain.unitPrice(), chain.amount(),
                            chain.upstreamCurrency().getCurrencyCode(), chain.vendorAmount(), chain.wholesaleAmount(), chain.sellInAmount(),
                            chain.platformFee(), chain.exchangeRate(), now, runId);
                    statement.addBatch();
                }
            }
            for (int count : statement.executeBatch()) {
                inserted += Math.max(count, 0);
            }
        }
        return inserted;
    }
}
