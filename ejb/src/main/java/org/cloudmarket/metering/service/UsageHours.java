package org.cloudmarket.metering.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cloudmarket.metering.domain.HourAggregate;
import org.cloudmarket.shared.persistence.InstantConverter;
import org.cloudmarket.shared.persistence.NativeSql;
import org.cloudmarket.shared.tenant.TenantContext;

/**
 * Reads the hourly aggregates of a series (table usage_hour), which billing, quotas and charts measure: the hours
 * with readings in [from, to), and the last hour before {@code from} (its last value holds on into the range). The
 * folder writes them; nobody else does. Callers check who may see the subscription first.
 */
@Dependent
public class UsageHours {

    private static final String COLUMNS = "hour_start, average, peak, last_value, increase, readings";

    @Inject
    private EntityManager entityManager;

    @Inject
    private TenantContext tenantContext;

    public List<HourAggregate> between(long subscriptionId, long metricId, Instant from, Instant to) {
        List<?> rows = NativeSql.of(entityManager, "SELECT " + COLUMNS + " FROM usage_hour WHERE tenant_id = ? AND subscription_id = ?"
                        + " AND metric_id = ? AND hour_start >= ? AND hour_start < ? ORDER BY hour_start")
                .setParameter(1, tenantContext.requireTenantId()).setParameter(2, subscriptionId).setParameter(3, metricId)
                .setParameter(4, InstantConverter.column(from)).setParameter(5, InstantConverter.column(to)).getResultList();
        return rows.stream().map(row -> aggregate((Object[]) row)).toList();
    }

    public Optional<HourAggregate> lastBefore(long subscriptionId, long metricId, Instant before) {
        List<?> rows = NativeSql.of(entityManager, "SELECT " + COLUMNS + " FROM usage_hour WHERE tenant_id = ? AND subscription_id = ?"
                        + " AND metric_id = ? AND hour_start < ? ORDER BY hour_start DESC LIMIT 1")
                .setParameter(1, tenantContext.requireTenantId()).setParameter(2, subscriptionId).setParameter(3, metricId)
                .setParameter(4, InstantConverter.column(before)).getResultList();
        return rows.stream().findFirst().map(row -> aggregate((Object[]) row));
    }

    private static HourAggregate aggregate(Object[] row) {
        return new HourAggregate(InstantConverter.instant(row[0]), (BigDecimal) row[1], (BigDecimal) row[2], (BigDecimal) row[3], (BigDecimal) row[4],
                ((Number) row[5]).intValue());
    }
}
