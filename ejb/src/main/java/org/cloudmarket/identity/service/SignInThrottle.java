package org.cloudmarket.identity.service;

import static org.cloudmarket.shared.persistence.Statements.execute;
import static org.cloudmarket.shared.persistence.Statements.prepare;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
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
import org.cloudmarket.identity.domain.AttemptWindow;
import org.cloudmarket.identity.domain.TokenSecret;
import org.cloudmarket.shared.error.TooManyAttempts;

/**
 * Limits password guessing, across every node: 5 attempts per account, or 50 per client address,
 * per tenant in a window of 15 minutes (AttemptWindow). An attempt is reserved in the database
 * before its password is hashed, by one UPDATE guarded by the limit, so parallel requests cannot
 * all pass the check before the first failure is recorded. A sign-in that succeeds gives its
 * attempts back. Each statement commits on its own (no transaction), so no lock outlives its
 * statement and no connection is held while a password is hashed.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SignInThrottle {

    static final AttemptWindow ACCOUNTS = new AttemptWindow("ACCOUNT", 5);
    static final AttemptWindow ADDRESSES = new AttemptWindow("ADDRESS", 50);

    private static final String CLAIM = """
            UPDATE sign_in_window
               SET attempts = IF(started_at <= ?, 1, attempts + 1), started_at = IF(started_at <= ?, ?, started_at)
             WHERE tenant_id = ? AND kind = ? AND subject = ? AND (started_at <= ? OR attempts < ?)""";
    private static final String OPEN = "INSERT IGNORE INTO sign_in_window (tenant_id, kind, subject, attempts, started_at) VALUES (?, ?, ?, 1, ?)";
    private static final String CURRENT = "SELECT started_at, attempts FROM sign_in_window WHERE tenant_id = ? AND kind = ? AND subject = ?";
    private static final String GIVE_BACK = """
            UPDATE sign_in_window SET attempts = GREATEST(attempts - 1, 0)
             WHERE tenant_id = ? AND kind = ? AND subject = ? AND started_at > ?""";
    private static final String FORGET = "DELETE FROM sign_in_window WHERE tenant_id = ? AND kind = ? AND subject = ?";
    private static final String DROP_SPENT = "DELETE FROM sign_in_window WHERE started_at <= ? OR attempts = 0";

    @Resource(lookup = "java:jboss/datasources/CloudmarketDS")
    private DataSource dataSource;

    @Inject
    private Clock clock;

    /**
     * Counts an attempt of the account and the address, or refuses it, having counted nothing,
     * when either has used up its window.
     */
    public Reservation reserve(long tenantId, String account, String address) {
        Instant now = clock.instant();
        Reservation reservation = new Reservation(tenantId, subject(account), subject(address));
        try (Connection connection = dataSource.getConnection()) {
            Optional<Instant> addressBlocked = claim(connection, ADDRESSES, tenantId, reservation.address, now);
            if (addressBlocked.isPresent()) {
                throw refusal(addressBlocked.get(), now);
            }
            Optional<Instant> accountBlocked = claim(connection, ACCOUNTS, tenantId, reservation.account, now);
            if (accountBlocked.isPresent()) {
                giveBack(connection, ADDRESSES, tenantId, reservation.address, now);
                throw refusal(accountBlocked.get(), now);
            }
            return reservation;
        } catch (SQLException e) {
            throw new IllegalStateException("The sign-in throttle could not be read", e);
        }
    }

    /** The password was right: the account starts afresh and the address gets its attempt back. */
    public void succeeded(Reservation reservation) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, FORGET, reservation.tenantId, ACCOUNTS.kind(), reservation.account);
            giveBack(connection, ADDRESSES, reservation.tenantId, reservation.address, now);
        } catch (SQLException e) {
            throw new IllegalStateException("The sign-in throttle could not be written", e);
        }
    }

    /** The attempt was never checked (the server was too busy to hash): it counts for nothing. */
    public void cancel(Reservation reservation) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            giveBack(connection, ACCOUNTS, reservation.tenantId, reservation.account, now);
            giveBack(connection, ADDRESSES, reservation.tenantId, reservation.address, now);
        } catch (SQLException e) {
            throw new IllegalStateException("The sign-in throttle could not be written", e);
        }
    }

    /** Windows that are over or hold no attempt are dropped, so the table holds only live windows. */
    @Schedule(minute = "*/5", hour = "*", persistent = false)
    public void dropSpentWindows() {
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, DROP_SPENT, timestamp(AttemptWindow.cutoff(clock.instant())));
        } catch (SQLException e) {
            throw new IllegalStateException("The sign-in throttle could not be cleaned", e);
        }
    }

    /** Counts one attempt; empty when counted, else the start of the window that is used up. */
    static Optional<Instant> claim(Connection connection, AttemptWindow window, long tenantId, String subject, Instant now)
            throws SQLException {
        LocalDateTime cutoff = timestamp(AttemptWindow.cutoff(now));
        for (int tries = 0; tries < 5; tries++) {
            if (execute(connection, CLAIM, cutoff, cutoff, timestamp(now), tenantId, window.kind(), subject, cutoff, window.limit()) == 1) {
                return Optional.empty();
            }
            Optional<Window> current = current(connection, tenantId, window.kind(), subject);
            if (current.isPresent()) {
                if (current.get().attempts() >= window.limit() && current.get().startedAt().isAfter(cutoff)) {
                    return Optional.of(current.get().startedAt().toInstant(ZoneOffset.UTC));
                }
                continue; // a parallel attempt opened or reset the window just now: claim in it
            }
            // no window yet: open one, unless a parallel attempt just did (then claim in it)
            if (execute(connection, OPEN, tenantId, window.kind(), subject, timestamp(now)) == 1) {
                return Optional.empty();
            }
        }
        throw new IllegalStateException("A sign-in window kept changing while it was claimed");
    }

    private record Window(LocalDateTime startedAt, int attempts) {
    }

    static void giveBack(Connection connection, AttemptWindow window, long tenantId, String subject, Instant now)
            throws SQLException {
        execute(connection, GIVE_BACK, tenantId, window.kind(), subject, timestamp(AttemptWindow.cutoff(now)));
    }

    private static Optional<Window> current(Connection connection, long tenantId, String kind, String subject) throws SQLException {
        try (PreparedStatement statement = prepare(connection, CURRENT, tenantId, kind, subject); ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(new Window(rows.getObject(1, LocalDateTime.class), rows.getInt(2))) : Optional.empty();
        }
    }

    private static TooManyAttempts refusal(Instant windowStart, Instant now) {
        return new TooManyAttempts(AttemptWindow.refusal(windowStart, now), AttemptWindow.retryAfter(windowStart, now));
    }

    /** The columns are DATETIME in UTC, as the InstantConverter writes them (a LocalDateTime is sent unconverted). */
    private static LocalDateTime timestamp(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static String subject(String key) {
        return TokenSecret.hash(key);
    }

    /** The attempt an account and an address have been counted for, to settle once it is checked. */
    public static final class Reservation {
        private final long tenantId;
        private final String account;
        private final String address;

        private Reservation(long tenantId, String account, String address) {
            this.tenantId = tenantId;
            this.account = account;
            this.address = address;
        }
    }
}
