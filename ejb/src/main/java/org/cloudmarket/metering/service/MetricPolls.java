package org.cloudmarket.metering.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cloudmarket.catalog.domain.PollFrequency;
import org.cloudmarket.metering.domain.MeteredSubscription;
import org.cloudmarket.metering.domain.Reading;
import org.cloudmarket.metering.domain.ReadingResult;
import org.cloudmarket.metering.domain.ReadingSource;
import org.cloudmarket.metering.domain.ReadingStatus;
import org.cloudmarket.shared.persistence.InstantConverter;
import org.cloudmarket.shared.persistence.NativeSql;
import org.cloudmarket.shared.tenant.TenantContext;

/**
 * The table metric_poll of the tenant bound: one row per live subscription (DEPLOYED or STOPPED: provisioned, its
 * resources still there) and metric of its plan with an endpoint and a known frequency; each statement in a
 * transaction of its own, none held while a vendor is polled. A row is claimed (its next poll moved past the poll's
 * longest run) before its poll starts, so that another round or node does not poll it meanwhile; a success keeps the
 * reading (ReadingStore, source POLL) and moves the row to its next slot in one transaction (a refused value too,
 * recorded once); a failure keeps the slot and its error, and the row waits {@link PollFrequency#retryAfter}. Only
 * {@link MetricPoller} uses it.
 */
@Dependent
@Transactional
class MetricPolls {

    private static final int ERROR_LENGTH = 300;
    private static final String LIVE = "s.deployment_status IN ('DEPLOYED', 'STOPPED')";
    private static final String POLLED = "m.endpoint IS NOT NULL AND m.frequency IN ("
            + Arrays.stream(PollFrequency.values()).map(f -> "'" + f.name() + "'").collect(Collectors.joining(", ")) + ")";
    /** A new row's first slot is now: its subscription is polled from the round that finds it. */
    private static final String ADD = "INSERT INTO metric_poll (tenant_id, subscription_id, metric_id, vendor_id, slot_at, next_poll_at, attempts)"
            + " SELECT s.tenant_id, s.id, m.id, s.vendor_id, ?, ?, 0 FROM subscription s"
            + " JOIN metric m ON m.tenant_id = s.tenant_id AND m.plan_id = s.plan_id"
            + " WHERE s.tenant_id = ? AND " + LIVE + " AND " + POLLED
            + " AND NOT EXISTS (SELECT 1 FROM metric_poll p WHERE p.tenant_id = s.tenant_id AND p.subscription_id = s.id AND p.metric_id = m.id)"
            + " ON DUPLICATE KEY UPDATE attempts = metric_poll.attempts";
    /** Ended subscriptions, plan changes, endpoints removed: their rows go. */
    private static final String REMOVE = "DELETE FROM metric_poll WHERE tenant_id = ? AND NOT EXISTS (SELECT 1 FROM subscription s"
            + " JOIN metric m ON m.tenant_id = s.tenant_id AND m.plan_id = s.plan_id WHERE s.tenant_id = metric_poll.tenant_id"
            + " AND s.id = metric_poll.subscription_id AND m.id = metric_poll.metric_id AND " + LIVE + " AND " + POLLED + ")";
    /**
     * The due rows, at most a vendor's cap of each vendor (its earliest), none of the vendors already at their cap
     * (%s: "AND p.vendor_id NOT IN (...)" or nothing): taken ORDER BY next_poll_at alone, a hanging vendor's due rows,
     * skipped each round and still due, would fill every batch and no other vendor's row would be taken.
     */
    private static final String DUE = "SELECT subscription_id, metric_id, vendor_id, slot_at, attempts, endpoint, frequency, code FROM ("
            + "SELECT p.subscription_id, p.metric_id, p.vendor_id, p.slot_at, p.attempts, p.next_poll_at, m.endpoint, m.frequency, m.code,"
            + " ROW_NUMBER() OVER (PARTITION BY p.vendor_id ORDER BY p.next_poll_at, p.subscription_id, p.metric_id) AS place"
            + " FROM metric_poll p JOIN metric m ON m.tenant_id = p.tenant_id AND m.id = p.metric_id"
            + " WHERE p.tenant_id = ? AND p.next_poll_at <= ?%s) due WHERE due.place <= ? ORDER BY due.next_poll_at LIMIT ?";
    private static final String KEY = " WHERE tenant_id = ? AND subscription_id = ? AND metric_id = ? AND slot_at = ?";
    private static final String CLAIM = "UPDATE metric_poll SET next_poll_at = ?, last_polled_at = ?" + KEY + " AND next_poll_at <= ?";
    private static final String ADVANCE = "UPDATE metric_poll SET slot_at = ?, next_poll_at = ?, attempts = 0, last_error = NULL" + KEY;
    private static final String REFUSED = "UPDATE metric_poll SET slot_at = ?, next_poll_at = ?, attempts = 0, last_error = ?" + KEY;
    private static final String FAIL = "UPDATE metric_poll SET next_poll_at = ?, attempts = attempts + 1, last_error = ?" + KEY;

    @Inject
    private EntityManager entityManager;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private ReadingStore readings;

    @Inject
    private MeteredSubscriptions meteredSubscriptions;

    /** Writes on plain JDBC: a poll round's rows are no cached data, and writes through JPA would drop the tenant's caches every round. */
    @Inject
    private MeteringSql sql;

    /** Adds the rows of subscriptions and metrics polled from now on, removes those no longer polled. */
    void schedule(Instant now) {
        long tenantId = tenantContext.requireTenantId();
        Object slot = InstantConverter.column(now.truncatedTo(ChronoUnit.SECONDS));
        sql.update(REMOVE, List.of(tenantId));
        sql.update(ADD, List.of(slot, slot, tenantId));
    }

    /** At most {@code limit} due rows, {@code perVendor} of a vendor, none of the vendors {@code atCap}. */
    List<DuePoll> due(Instant now, int limit, int perVendor, Set<Long> atCap) {
        String excluded = atCap.isEmpty() ? ""
                : " AND p.vendor_id NOT IN (" + atCap.stream().map(vendor -> "?").collect(Collectors.joining(", ")) + ")";
        jakarta.persistence.Query query = NativeSql.of(entityManager, DUE.formatted(excluded)).setParameter(1, tenantContext.requireTenantId())
                .setParameter(2, InstantConverter.column(now));
        int next = 3;
        for (long vendor : atCap) {
            query.setParameter(next++, vendor);
        }
        List<?> rows = query.setParameter(next, perVendor).setParameter(next + 1, limit).getResultList();
        return rows.stream().map(row -> (Object[]) row).flatMap(row -> PollFrequency.of((String) row[6]).stream()
                .map(frequency -> new DuePoll(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                        InstantConverter.instant(row[3]), ((Number) row[4]).intValue(), (String) row[5], frequency, (String) row[7]))).toList();
    }

    /** Takes the row for one poll until {@code until}; false when another round or node took it first. */
    boolean claim(DuePoll poll, Instant now, Instant until) {
        return sql.update(CLAIM, keyed(poll, List.of(InstantConverter.column(until), InstantConverter.column(now)), InstantConverter.column(now))) == 1;
    }

    /**
     * The vendor answered: its value is kept as the slot's reading (a DUPLICATE when an earlier attempt's commit was
     * lost after the insert: still that slot's one reading) and the row moves to the next slot. A reading the rules
     * refuse (a negative value, say) is recorded once (ReadingStore's usage_refusal row) and the row moves on as
     * well, the refusal kept as its last error: the value would be refused again however often the slot was asked
     * for, and each retry would add a refusal.
     */
    void succeeded(DuePoll poll, BigDecimal value, Instant at) {
        // under its row's shared lock, as a pushed batch: the plan in force now names the reading's metric
        List<MeteredSubscription> locked = meteredSubscriptions.locked(List.of(poll.subscriptionId()));
        if (locked.isEmpty()) {
            return; // gone: the next round removes its row
        }
        Reading reading = new Reading(poll.readingId(), poll.subscriptionId(), poll.metricCode(), value, at);
        ReadingResult result = readings.store(List.of(reading), ReadingSource.POLL, Map.of(poll.subscriptionId(), locked.get(0))).get(0);
        Instant next = poll.frequency().nextSlot(poll.slot(), at);
        if (result.status() == ReadingStatus.REFUSED) {
            String error = "reading refused: " + result.code() + " " + Optional.ofNullable(result.reason()).orElse("");
            sql.update(REFUSED, keyed(poll, List.of(InstantConverter.column(next), InstantConverter.column(next), shortened(error))));
            return;
        }
        sql.update(ADVANCE, keyed(poll, List.of(InstantConverter.column(next), InstantConverter.column(next))));
    }

    /** The slot stays; the row is due again after the retry's wait, its error kept for the vendor and the operator. */
    void failed(DuePoll poll, String reason, Instant now) {
        sql.update(FAIL, keyed(poll, List.of(InstantConverter.column(now.plus(poll.frequency().retryAfter(poll.attempts()))), shortened(reason))));
    }

    private static String shortened(String error) {
        return error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error;
    }

    /** The statement's own parameters, then the row's key (KEY), then any that follow it. */
    private List<Object> keyed(DuePoll poll, List<Object> before, Object... after) {
        List<Object> parameters = new ArrayList<>(before);
        parameters.addAll(List.of(tenantContext.requireTenantId(), poll.subscriptionId(), poll.metricId(), InstantConverter.column(poll.slot())));
        parameters.addAll(List.of(after));
        return parameters;
    }
}
