package org.cloudmarket.metering.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.cloudmarket.metering.domain.HourAggregate;
import org.cloudmarket.metering.domain.HourlyFold;
import org.cloudmarket.metering.domain.SeriesPoint;
import org.cloudmarket.pricing.MetricPricing.Kind;
import org.cloudmarket.shared.persistence.InstantConverter;
import org.cloudmarket.shared.tenant.TenantContext;

/**
 * Folds ONE series (subscription, metric) in a transaction of its own (METERING-CONTRACT "Fold"). The series row is
 * locked FIRST (SELECT ... FOR UPDATE), and dirty_from and the version are read under that lock, before any raw reading:
 * an intake bumps the version in the same transaction as its readings and needs this row to do so, so every reading
 * committed before the lock is seen here, and one committed after it marks the series dirty again with a higher version.
 * Two folds of one series therefore run one after the other, the second seeing what the first wrote (without the lock, a
 * fold that had read the readings before an intake could write its hours over a later fold's and leave them wrong for good).
 * A new transaction, so that the hours are committed before the quotas are checked and before the caller reads them.
 */
@Stateless
@PermitAll
public class SeriesFold {

    /** Rows per multi-row upsert of usage_hour: 9 parameters a row. */
    private static final int CHUNK = 1000;

    @Inject
    private MeteringSql sql;

    @Inject
    private TenantContext tenantContext;

    private record Dirty(Instant from, long version, Kind kind, String code) {
    }

    /** True when the series was dirty and is folded now; false when another fold had folded it already. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean fold(long subscriptionId, long metricId) {
        long tenantId = tenantContext.requireTenantId();
        // one lock order everywhere: the subscription's row (shared, as an intake takes it: MeteredSubscriptions), then the
        // series row alone (a join would lock the metric's row too, which every intake of the plan reads)
        sql.query("SELECT id FROM subscription WHERE tenant_id = ? AND id = ? LOCK IN SHARE MODE", List.of(tenantId, subscriptionId),
                row -> row.getLong(1));
        List<Dirty> locked = sql.query("SELECT dirty_from, dirty_version FROM usage_series WHERE tenant_id = ? AND subscription_id = ? AND metric_id = ?"
                        + " FOR UPDATE", List.of(tenantId, subscriptionId, metricId),
                row -> new Dirty(InstantConverter.instant(row.getObject(1, LocalDateTime.class)), row.getLong(2), null, null));
        if (locked.isEmpty() || locked.get(0).from() == null) {
            return false;
        }
        Dirty dirty = sql.query("SELECT kind, code FROM metric WHERE tenant_id = ? AND id = ?", List.of(tenantId, metricId),
                row -> new Dirty(locked.get(0).from(), locked.get(0).version(), Kind.valueOf(row.getString(1)), row.getString(2))).get(0);
        List<Object> series = List.of(tenantId, subscriptionId, metricId, InstantConverter.column(dirty.from()));
        List<SeriesPoint> points = sql.query("SELECT read_at, value FROM usage_reading WHERE tenant_id = ? AND subscription_id = ? AND metric_id = ?"
                + " AND read_at >= ?", series, row -> new SeriesPoint(InstantConverter.instant(row.getObject(1, LocalDateTime.class)), row.getBigDecimal(2)));
        Instant first = points.stream().map(SeriesPoint::at).min(Instant::compareTo).orElse(dirty.from());
        List<HourAggregate> hours = HourlyFold.fold(dirty.kind(), opening(tenantId, subscriptionId, metricId, dirty, first), points);
        for (int from = 0; from < hours.size(); from += CHUNK) {
            upsert(tenantId, subscriptionId, metricId, hours.subList(from, Math.min(hours.size(), from + CHUNK)));
        }
        sql.update("UPDATE usage_series SET dirty_from = NULL WHERE tenant_id = ? AND subscription_id = ? AND metric_id = ? AND dirty_version = ?",
                List.of(tenantId, subscriptionId, metricId, dirty.version()));
        return true;
    }

    /**
     * The value the series opens with: the last raw reading before the fold range. A gauge's is its own series'. A
     * counter's is looked up across the subscription's metrics of the same code, before the range's first reading (the
     * old plan's last one is often in the same hour as the new plan's first): after a plan change the new plan's metric
     * has a series of its own, and its first reading counts from the old plan's last one, not from 0. For a series
     * alone this is the same reading as before dirty_from: none of its own lies between dirty_from and its first.
     */
    private BigDecimal opening(long tenantId, long subscriptionId, long metricId, Dirty dirty, Instant first) {
        List<BigDecimal> opening = dirty.kind() == Kind.COUNTER
                ? sql.query("SELECT r.value FROM usage_reading r JOIN metric m ON m.tenant_id = r.tenant_id AND m.id = r.metric_id"
                        + " WHERE r.tenant_id = ? AND r.subscription_id = ? AND m.code = ? AND r.read_at < ? ORDER BY r.read_at DESC, r.value DESC LIMIT 1",
                List.of(tenantId, subscriptionId, dirty.code(), InstantConverter.column(first)), row -> row.getBigDecimal(1))
                : sql.query("SELECT value FROM usage_reading WHERE tenant_id = ? AND subscription_id = ? AND metric_id = ?"
                        + " AND read_at < ? ORDER BY read_at DESC, value DESC LIMIT 1",
                List.of(tenantId, subscriptionId, metricId, InstantConverter.column(dirty.from())), row -> row.getBigDecimal(1));
        return opening.isEmpty() ? BigDecimal.ZERO : opening.get(0);
    }

    private void upsert(long tenantId, long subscriptionId, long metricId, List<HourAggregate> hours) {
        StringBuilder upsert = new StringBuilder("INSERT INTO usage_hour (tenant_id, subscription_id, metric_id, hour_start, average, peak,"
                + " last_value, increase, readings) VALUES ");
        List<Object> parameters = new ArrayList<>(hours.size() * 9);
        for (HourAggregate hour : hours) {
            upsert.append(parameters.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
            parameters.addAll(List.of(tenantId, subscriptionId, metricId, InstantConverter.column(hour.hourStart()), hour.average(), hour.peak(),
                    hour.lastValue(), hour.increase(), hour.readings()));
        }
        upsert.append(" ON DUPLICATE KEY UPDATE average = VALUES(average), peak = VALUES(peak), last_value = VALUES(last_value),"
                + " increase = VALUES(increase), readings = VALUES(readings)");
        sql.update(upsert.toString(), parameters);
    }
}
