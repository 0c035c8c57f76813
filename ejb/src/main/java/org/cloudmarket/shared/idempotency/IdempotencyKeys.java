package org.cloudmarket.shared.idempotency;

import static org.cloudmarket.shared.persistence.Statements.execute;
import static org.cloudmarket.shared.persistence.Statements.prepare;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.cloudmarket.shared.tenant.TenantContext;

/**
 * The keys of {@code Idempotency-Key} headers, scoped to the bound tenant, the caller (the
 * principal the container authenticated, never a value a client passes in) and the path. A key is
 * reserved by one INSERT before its request runs, committed on its own (no transaction: each
 * statement commits at once, as SignInThrottle's), so of parallel requests with one key exactly
 * one runs; the unique key decides. The request's answer is stored afterwards, or the reservation
 * released when there was none to keep.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IdempotencyKeys {

    private static final String RESERVE = """
            INSERT IGNORE INTO idempotency_key (tenant_id, caller, path, idem_key, body_hash, status, created_at, expires_at)
            VALUES (?, ?, ?, ?, ?, 'RUNNING', ?, ?)""";
    private static final String FIND = """
            SELECT id, status, body_hash, created_at, expires_at, response_status, response_content_type, response_location, response_body
              FROM idempotency_key WHERE tenant_id = ? AND caller = ? AND path = ? AND idem_key = ?""";
    /** Guarded by what the row was when read: of two requests taking over one row, one wins. */
    private static final String TAKE_OVER = """
            UPDATE idempotency_key SET body_hash = ?, status = 'RUNNING', created_at = ?, expires_at = ?, response_status = NULL,
                   response_content_type = NULL, response_location = NULL, response_body = NULL
             WHERE tenant_id = ? AND id = ? AND created_at = ? AND status = ?""";
    private static final String COMPLETE = """
            UPDATE idempotency_key SET status = 'DONE', response_status = ?, response_content_type = ?, response_location = ?, response_body = ?
             WHERE tenant_id = ? AND id = ? AND status = 'RUNNING'""";
    private static final String RELEASE = "DELETE FROM idempotency_key WHERE tenant_id = ? AND id = ? AND status = 'RUNNING'";

    @Resource(lookup = "java:jboss/datasources/CloudmarketDS")
    private DataSource dataSource;

    @Inject
    private SecurityContext securityContext;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private Clock clock;

    /** Reserves the key for this request, or says why it may not run. {@code bodyHash}: SHA-256 hex of the body. */
    public Reservation reserve(String path, String key, String bodyHash) {
        long tenant = tenantContext.requireTenantId();
        long caller = caller();
        IdempotencyKey.check(key);
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            for (int tries = 0; tries < 5; tries++) {
                if (execute(connection, RESERVE, tenant, caller, path, key, bodyHash, utc(now), utc(now.plus(IdempotencyRules.KEPT))) == 1) {
                    return new Reservation.Reserved(find(connection, tenant, caller, path, key).orElseThrow().id());
                }
                Optional<KeyRow> row = find(connection, tenant, caller, path, key);
                if (row.isEmpty()) {
                    continue; // released or dropped since the INSERT: reserve again
                }
                Optional<Reservation> refused = IdempotencyRules.taken(row.get(), bodyHash, now);
                if (refused.isPresent()) {
                    return refused.get();
                }
                if (execute(connection, TAKE_OVER, bodyHash, utc(now), utc(now.plus(IdempotencyRules.KEPT)), tenant, row.get().id(),
                        utc(row.get().createdAt()), row.get().done() ? "DONE" : "RUNNING") == 1) {
                    return new Reservation.Reserved(row.get().id());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The idempotency key could not be reserved", e);
        }
        throw new IllegalStateException("An idempotency key kept changing while it was reserved");
    }

    /** Keeps the answer for the key's retries. */
    public void complete(long id, StoredAnswer answer) {
        byte[] body = answer.body().length > StoredAnswer.MAX_BODY_BYTES ? new byte[0] : answer.body();
        write(COMPLETE, answer.status(), answer.contentType(), answer.location(), body, tenantContext.requireTenantId(), id);
    }

    /** The request gave no answer to keep (a 5xx, an exception): a retry with the key runs again. */
    public void release(long id) {
        write(RELEASE, tenantContext.requireTenantId(), id);
    }

    private void write(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException("The idempotency key could not be written", e);
        }
    }

    /** The user id the authentication mechanism established; anonymous calls have no key scope. */
    private long caller() {
        Principal principal = securityContext.getCallerPrincipal();
        String name = principal == null ? "anonymous" : principal.getName();
        try {
            return Long.parseLong(name);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Idempotency keys are kept for signed-in callers only, not for " + name, e);
        }
    }

    private static Optional<KeyRow> find(Connection connection, long tenant, long caller, String path, String key) throws SQLException {
        try (PreparedStatement statement = prepare(connection, FIND, tenant, caller, path, key); ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            boolean done = "DONE".equals(rows.getString(2));
            StoredAnswer answer = done ? new StoredAnswer(rows.getInt(6), rows.getString(7), rows.getString(8), rows.getBytes(9)) : null;
            return Optional.of(new KeyRow(rows.getLong(1), done, rows.getString(3), instant(rows.getObject(4, LocalDateTime.class)),
                    instant(rows.getObject(5, LocalDateTime.class)), answer));
        }
    }

    /** The columns are DATETIME in UTC, as the InstantConverter writes them. */
    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC);
    }
}
