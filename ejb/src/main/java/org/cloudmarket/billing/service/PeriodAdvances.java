package org.cloudmarket.billing.service;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.cloudmarket.pricing.BillingPeriod;

/**
 * The periods a chunk of the billing run opens, written as Lifecycle.record writes a Change.Period (the one way a
 * subscription's fields change: the row and its changelog line together), but a chunk at a time: one UPDATE of every
 * subscription's period (CASE by id; its version moved on, as the entity's would) guarded by the period it was planned
 * from, so a subscription changed meanwhile is not advanced blindly but fails the chunk (which is then written one by
 * one, that one recorded as the run's error; a lone one already in the period it opens was advanced by an earlier attempt
 * of the same write and is left as it is), and one multi-row INSERT of the PERIOD lines. In the caller's transaction,
 * with the period orders and proceeds computed from the terms before the advance (RunChunkWrites).
 */
@Dependent
class PeriodAdvances {

    /** Subscriptions per statement: 7 parameters each in the UPDATE, 5 per changelog line. */
    private static final int ROWS = 200;

    @Resource(lookup = "java:jboss/datasources/CloudmarketDS")
    private DataSource dataSource;

    record Advance(long subscriptionId, Instant fromStart, Instant fromEnd, BillingPeriod to) {
    }

    void write(long tenantId, List<Advance> advances, Instant now) {
        if (advances.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            for (int from = 0; from < advances.size(); from += ROWS) {
                List<Advance> part = advances.subList(from, Math.min(advances.size(), from + ROWS));
                List<Advance> advanced = update(connection, tenantId, part);
                if (!advanced.isEmpty()) {
                    changelog(connection, tenantId, advanced, now);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The chunk's periods could not be opened: " + e.getMessage(), e);
        }
    }

    /** The advances made now: all of them, or none of a lone one an earlier attempt of this write already made. */
    private static List<Advance> update(Connection connection, long tenantId, List<Advance> part) throws SQLException {
        String cases = String.join(" ", Collections.nCopies(part.size(), "WHEN ? THEN ?"));
        String sql = "UPDATE subscription SET period_start = CASE id " + cases + " END, period_end = CASE id " + cases + " END,"
                + " version = version + 1 WHERE tenant_id = ? AND id IN (" + String.join(", ", Collections.nCopies(part.size(), "?"))
                + ") AND period_start = CASE id " + cases + " END";
        List<Object> parameters = new ArrayList<>();
        part.forEach(advance -> {
            parameters.add(advance.subscriptionId());
            parameters.add(advance.to().start());
        });
        part.forEach(advance -> {
            parameters.add(advance.subscriptionId());
            parameters.add(advance.to().end());
        });
        parameters.add(tenantId);
        part.forEach(advance -> parameters.add(advance.subscriptionId()));
        part.forEach(advance -> {
            parameters.add(advance.subscriptionId());
            parameters.add(advance.fromStart());
        });
        try (PreparedStatement statement = RunSql.prepare(connection, sql, parameters.toArray())) {
            int updated = statement.executeUpdate();
            if (updated == part.size()) {
                return part;
            }
            if (part.size() == 1 && at(connection, tenantId, part.get(0))) {
                // a chunk whose commit the database made but the run never heard of (its connection dropped at the
                // commit) is written again one by one: its proceeds are there (natural keys), its period and line too
                return List.of();
            }
            throw new IllegalStateException((part.size() - updated) + " of " + part.size()
                    + " subscriptions changed their period since the run read them");
        }
    }

    /** Whether the subscription is already in the period the advance opens. */
    private static boolean at(Connection connection, long tenantId, Advance advance) throws SQLException {
        try (PreparedStatement statement = RunSql.prepare(connection, "SELECT COUNT(*) FROM subscription WHERE tenant_id = ? AND id = ?"
                + " AND period_start = ? AND period_end = ?", tenantId, advance.subscriptionId(), advance.to().start(), advance.to().end());
             ResultSet rows = statement.executeQuery()) {
            return rows.next() && rows.getLong(1) == 1;
        }
    }

    private static void changelog(Connection connection, long tenantId, List<Advance> part, Instant now) throws SQLException {
        String sql = "INSERT INTO subscription_change (tenant_id, subscription_id, changed_at, changed_by, what, from_value, to_value, reason,"
                + " order_id) VALUES " + String.join(", ", Collections.nCopies(part.size(), "(?, ?, ?, NULL, 'PERIOD', ?, ?, ?, NULL)"));
        List<Object> parameters = new ArrayList<>();
        for (Advance advance : part) {
            parameters.add(tenantId);
            parameters.add(advance.subscriptionId());
            parameters.add(now);
            parameters.add(advance.fromStart() + "/" + advance.fromEnd());
            parameters.add(advance.to().start() + "/" + advance.to().end());
            parameters.add(Renewals.PERIOD_OPENED);
        }
        try (PreparedStatement statement = RunSql.prepare(connection, sql, parameters.toArray())) {
            statement.executeUpdate();
        }
    }
}
