package org.cloudmarket.shared.outbox;

import static org.cloudmarket.shared.persistence.Statements.execute;
import static org.cloudmarket.shared.persistence.Statements.prepare;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The worker's statements on outbox_message, each committed on its own (auto-commit, no JTA
 * transaction): a claim holds no lock while a row is being delivered, it only marks the row taken
 * until {@code claimed_until}. Every statement names its tenant.
 */
@ApplicationScoped
class OutboxRows {

    /** Taken only if still undelivered, due, and nobody else's claim is running: one worker wins. */
    static final String CLAIM = """
            UPDATE outbox_message SET claimed_until = ?, attempts = attempts + 1
             WHERE tenant_id = ? AND id = ? AND delivered_at IS NULL AND next_attempt_at <= ?
               AND (claimed_until IS NULL OR claimed_until <= ?)""";
    private static final String READ = "SELECT channel, recipient, payload, attempts FROM outbox_message WHERE tenant_id = ? AND id = ?";
    private static final String DUE = """
            SELECT id FROM outbox_message
             WHERE tenant_id = ? AND delivered_at IS NULL AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)
             ORDER BY next_attempt_at LIMIT ?""";
    /** Delivered: the row keeps its receipt and the recipient's SHA-256 only (RecipientHash), no secret, no address. */
    private static final String DELIVERED = """
            UPDATE outbox_message SET delivered_at = ?, claimed_until = NULL, last_error = NULL, payload = ?, recipient = ?
             WHERE tenant_id = ? AND id = ? AND delivered_at IS NULL""";
    private static final String FAILED = """
            UPDATE outbox_message SET next_attempt_at = ?, claimed_until = NULL, last_error = ?
             WHERE tenant_id = ? AND id = ? AND delivered_at IS NULL""";
    /** The platform table of tenants: the worker goes through each tenant's rows in turn. */
    private static final String TENANTS = "SELECT id FROM tenant ORDER BY id";
    private static final int ERROR_LENGTH = 2000;

    /** A row this worker has claimed; {@code attempts} counts this attempt. */
    record Claimed(OutboxChannel channel, String recipient, String payload, int attempts) {
    }

    @Resource(lookup = "java:jboss/datasources/CloudmarketDS")
    private DataSource dataSource;

    List<Long> tenants() {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(TENANTS);
             ResultSet rows = statement.executeQuery()) {
            return ids(rows);
        } catch (SQLException e) {
            throw new IllegalStateException("The tenants could not be read", e);
        }
    }

    List<Long> due(long tenantId, Instant now, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, DUE, tenantId, utc(now), utc(now), limit);
             ResultSet rows = statement.executeQuery()) {
            return ids(rows);
        } catch (SQLException e) {
            throw new IllegalStateException("The due outbox rows of tenant " + tenantId + " could not be read", e);
        }
    }

    Optional<Claimed> claim(long tenantId, long id, Instant now, Instant until) {
        try (Connection connection = dataSource.getConnection()) {
            if (execute(connection, CLAIM, utc(until), tenantId, id, utc(now), utc(now)) != 1) {
                return Optional.empty();
            }
            try (PreparedStatement statement = prepare(connection, READ, tenantId, id); ResultSet row = statement.executeQuery()) {
                row.next();
                return Optional.of(new Claimed(OutboxChannel.valueOf(row.getString(1)), row.getString(2), row.getString(3), row.getInt(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Outbox row " + id + " could not be claimed", e);
        }
    }

    void delivered(long tenantId, long id, Instant now, String receipt, String recipientHash) {
        update(DELIVERED, utc(now), receipt, recipientHash, tenantId, id);
    }

    void failed(long tenantId, long id, Instant nextAttempt, String error) {
        String kept = error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error;
        update(FAILED, utc(nextAttempt), kept, tenantId, id);
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException("An outbox row could not be updated", e);
        }
    }

    private static List<Long> ids(ResultSet rows) throws SQLException {
        List<Long> ids = new ArrayList<>();
        while (rows.next()) {
            ids.add(rows.getLong(1));
        }
        return ids;
    }

    /** The columns are DATETIME in UTC, as the InstantConverter writes them. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
