package org.cloudmarket.metering.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.cloudmarket.metering.domain.HourAggregate;
import org.cloudmarket.shared.persistence.InstantConverter;
import org.cloudmarket.shared.tenant.TenantContext;

/**
 * Reads the hourly aggregates of a series (table usage_hour), which billing, quotas and charts measure: the hours
 * with readings in [from, to), and the last hour before {@code from} (its last value holds on into the range). The
 * folder writes them; nobody else does. Callers check who may see the subscription first.
 * <p>Outside the caller's transaction on purpose: the folds commit the hours in transactions of their own
 * ({@link SeriesFold}), and a caller's transaction that read anything before its fold keeps the snapshot of that first
 * read (MariaDB's REPEATABLE READ), which would not show them. Read on their own, the hours are the committed ones.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UsageHours {

    private static final String COLUMNS = "hour_start, average, peak, last_value, increase, readings";

    @Inject
    private MeteringSql sql;

    @Inject
    private TenantContext tenantContext;

    public List<HourAggregate> between(long subscriptionId, long metricId, Instant from, Instant to) {
        return sql.query("SELECT " + COLUMNS + " FROM usage_hour WHERE tenant_id = ? AND subscription_id = ?"
                        + " AND metric_id = ? AND hour_start >= ? AND hour_start < ? ORDER BY hour_start",
                List.of(tenantContext.requireTenantId(), subscriptionId, metricId, InstantConverter.column(from), InstantConverter.column(to)),
                UsageHours::aggregate);
    }

    public Optional<HourAggregate> lastBefore(long subscriptionId, long metricId, Instant before) {
        return sql.query("SELECT " + COLUMNS + " FROM usage_hour WHERE tenant_id = ? AND subscription_id = ?"
                        + " AND metric_id = ? AND hour_start < ? ORDER BY hour_start DESC LIMIT 1",
                List.of(tenantContext.requireTenantId(), subscriptionId, metricId, InstantConverter.column(before)), UsageHours::aggregate)
                .stream().findFirst();
    }

    private static HourAggregate aggregate(ResultSet row) throws SQLException {
        return new HourAggregate(InstantConverter.instant(row.getObject(1, LocalDateTime.class)), row.getBigDecimal(2), row.getBigDecimal(3),
                row.getBigDecimal(4), row.getBigDecimal(5), row.getInt(6));
    }
}
