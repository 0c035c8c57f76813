package org.cloudmarket.shared.idempotency;

import static org.cloudmarket.shared.persistence.Statements.execute;
import static org.cloudmarket.shared.persistence.Statements.prepare;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Every hour, the expired keys are deleted, tenant by tenant (the index leads with tenant_id, as
 * every index does). Only housekeeping: a reservation ignores an expired row anyway. Created
 * once the schema is migrated, like OutboxTimer; no business method, nothing but the timer runs it.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IdempotencyKeyExpiry {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyExpiry.class.getName());
    private static final String DROP = "DELETE FROM idempotency_key WHERE tenant_id = ? AND expires_at <= ?";

    @Resource
    private TimerService timers;

    @Resource(lookup = "java:jboss/datasources/CloudmarketDS")
    private DataSource dataSource;

    @Inject
    private Clock clock;

    @PostConstruct
    void schedule() {
        timers.createCalendarTimer(new ScheduleExpression().minute("17").hour("*"), new TimerConfig(null, false));
    }

    @Timeout
    void dropExpired() {
        try (Connection connection = dataSource.getConnection()) {
            for (long tenant : tenants(connection)) {
                execute(connection, DROP, tenant, IdempotencyKeys.utc(clock.instant()));
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Expired idempotency keys could not be deleted; the next round tries again", e);
        }
    }

    private static List<Long> tenants(Connection connection) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, "SELECT id FROM tenant"); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }
}
