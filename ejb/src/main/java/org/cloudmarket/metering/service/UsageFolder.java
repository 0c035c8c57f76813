package org.cloudmarket.metering.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cloudmarket.metering.domain.HourAggregate;
import org.cloudmarket.metering.domain.HourlyFold;
import org.cloudmarket.metering.domain.SeriesPoint;
import org.cloudmarket.pricing.MetricPricing.Kind;
import org.cloudmarket.shared.persistence.InstantConverter;
import org.cloudmarket.shared.persistence.NativeSql;
import org.cloudmarket.shared.tenant.TenantContext;

/**
 * Folds a subscription's dirty series (METERING-CONTRACT "Fold"): from the raw readings since the series' dirty_from,
 * with the last reading before it as the opening value, the hours are recomputed ({@link HourlyFold}) and upserted
 * into usage_hour; the series is clean again only if no intake bumped its version meanwhile (else the next round
 * folds it again). The usage API, quotas and billing call {@link #fold} before they read hours; {@link UsageFoldTimer}
 * folds the others. Folding is idempotent and shows nothing, so anyone may ask for it: the callers check access.
 */
@Stateless
@PermitAll
public class UsageFolder {

    /** Rows per multi-row upsert of usage_hour: 9 parameters a row. */
    private static final int CHUNK = 1000;

    @Inject
    private EntityManager entityManager;

    @Inject
    private TenantContext tenantContext;

    private record Dirty(long metricId, Instant from, long version, Kind kind) {
    }

    /** Folds every dirty series of the subscription, in the caller's transaction, then has its quotas checked. */
    public void fold(long subscriptionId) {
        long tenantId = tenantContext.requireTenantId();
        List<?> rows = query("SELECT s.metric_id, s.dirty_from, s.dirty_version, m.kind FROM usage_series s"
                + " JOIN metric m ON m.tenant_id = s.tenant_id AND m.id = s.metric_id"
                + " WHERE s.tenant_id = ? AND s.subscription_id = ? AND s.dirty_from IS NOT NULL ORDER BY s.metric_id", tenantId, subscriptionId)
                .getResultList();
        if (rows.isEmpty()) {
            return;
        }
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            foldSeries(tenantId, subscriptionId, new Dirty(((Number) columns[0]).longValue(), InstantConverter.instant(columns[1]),
                    ((Number) columns[2]).longValue(), Kind.valueOf((String) columns[3])));
        }
        // MERGE(quotas): the one call site of the quota stream's metering.service.Quotas.check(long subscriptionId), added
        // when that bean lands on main (METERING-CONTRACT "Services"): quotas.check(subscriptionId);
    }

    private void foldSeries(long tenantId, long subscriptionId, Dirty dirty) {
        List<?> opening = query("SELECT value FROM usage_reading WHERE tenant_id = ? AND subscription_id = ? AND metric_id = ? AND read_at < ?"
                + " ORDER BY read_at DESC, value DESC LIMIT 1", tenantId, subscriptionId, dirty.metricId(), InstantConverter.column(dirty.from()))
                .getResultList();
        List<SeriesPoint> points = new ArrayList<>();
        for (Object row : query("SELECT read_at, value FROM usage_reading WHERE tenant_id = ? AND subscription_id = ? AND metric_id = ?"
                + " AND read_at >= ?", tenantId, subscriptionId, dirty.metricId(), InstantConverter.column(dirty.from())).getResultList()) {
            Object[] columns = (Object[]) row;
            points.add(new SeriesPoint(InstantConverter.instant(columns[0]), (BigDecimal) columns[1]));
        }
        List<HourAggregate> hours = HourlyFold.fold(dirty.kind(), opening.isEmpty() ? BigDecimal.ZERO : (BigDecimal) opening.get(0), points);
        for (int from = 0; from < hours.size(); from += CHUNK) {
            upsert(tenantId, subscriptionId, dirty.metricId(), hours.subList(from, Math.min(hours.size(), from + CHUNK)));
        }
        query("UPDATE usage_series SET dirty_from = NULL WHERE tenant_id = ? AND subscription_id = ? AND metric_id = ? AND dirty_version = ?",
                tenantId, subscriptionId, dirty.metricId(), dirty.version()).executeUpdate();
    }

    private void upsert(long tenantId, long subscriptionId, long metricId, List<HourAggregate> hours) {
        StringBuilder sql = new StringBuilder("INSERT INTO usage_hour (tenant_id, subscription_id, metric_id, hour_start, average, peak,"
                + " last_value, increase, readings) VALUES ");
        List<Object> parameters = new ArrayList<>(hours.size() * 9);
        for (HourAggregate hour : hours) {
            sql.append(parameters.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
            parameters.addAll(List.of(tenantId, subscriptionId, metricId, InstantConverter.column(hour.hourStart()), hour.average(), hour.peak(),
                    hour.lastValue(), hour.increase(), hour.readings()));
        }
        sql.append(" ON DUPLICATE KEY UPDATE average = VALUES(average), peak = VALUES(peak), last_value = VALUES(last_value),"
                + " increase = VALUES(increase), readings = VALUES(readings)");
        query(sql.toString(), parameters.toArray()).executeUpdate();
    }

    private Query query(String sql, Object... parameters) {
        Query query = NativeSql.of(entityManager, sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}
