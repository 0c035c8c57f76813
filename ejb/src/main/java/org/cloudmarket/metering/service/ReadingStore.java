package org.cloudmarket.metering.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.cloudmarket.metering.domain.MeteredSubscription;
import org.cloudmarket.metering.domain.MeteringSettings;
import org.cloudmarket.metering.domain.Reading;
import org.cloudmarket.metering.domain.ReadingResult;
import org.cloudmarket.metering.domain.ReadingRules;
import org.cloudmarket.metering.domain.ReadingRules.Life;
import org.cloudmarket.metering.domain.ReadingRules.MetricRef;
import org.cloudmarket.metering.domain.ReadingSource;
import org.cloudmarket.metering.domain.Refusal;
import org.cloudmarket.pricing.MetricPricing.Kind;
import org.cloudmarket.shared.persistence.InstantConverter;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.subscription.domain.Change;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * Keeps a batch of readings (METERING-CONTRACT "Rules"), in the caller's transaction (its statements: MeteringSql), with a fixed number of
 * statements whatever the batch's size: the plans' metrics, the counters' values at the same instants, one multi-row
 * INSERT of the readings, one read-back of the rows this batch wrote, one multi-row upsert of the series to fold, and
 * the refusals. A reading's key is (tenant, vendor, the vendor's id): the INSERT leaves a row already there alone, and
 * the read-back by the batch's random token tells the rows this batch wrote (ACCEPTED) from those another batch wrote
 * before it, even one running at the same time (DUPLICATE): the unique key makes the second writer wait for the first.
 * Who may send for which subscription is the caller's to decide: {@code known} holds the subscriptions it may.
 */
@Dependent
public class ReadingStore {

    /** Rows per multi-row statement: 10 parameters a row stay far below the protocol's 65,535. */
    private static final int CHUNK = 1000;
    private static final SecureRandom TOKENS = new SecureRandom();

    @Inject
    private EntityManager entityManager;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private Clock clock;

    @Inject
    private MeteringSql sql;

    private record Kept(int index, Reading reading, MeteredSubscription subscription, MetricRef metric) {
        String key() {
            return subscription.vendorId() + "/" + reading.id();
        }
    }

    private record Series(long subscriptionId, long metricId) {
    }

    public List<ReadingResult> store(List<Reading> readings, ReadingSource source, Map<Long, MeteredSubscription> known) {
        return store(readings, source, known, Set.of(), null);
    }

    /**
     * As {@link #store(List, ReadingSource, Map)}, with the subscriptions the sender knows but may not send for
     * ({@code notYours}: another vendor's, refused NOT_YOUR_SUBSCRIPTION) and the sending vendor (null: the platform
     * or staff), whose back-office lists the refusals of subscriptions that are not its own.
     */
    public List<ReadingResult> store(List<Reading> readings, ReadingSource source, Map<Long, MeteredSubscription> known, Set<Long> notYours,
                                     Long senderVendorId) {
        long tenantId = tenantContext.requireTenantId();
        Instant now = clock.instant();
        Tenant tenant = entityManager.find(Tenant.class, tenantId);
        Duration grace = MeteringSettings.of(tenant.getSettings()).grace();
        ReadingResult[] results = new ReadingResult[readings.size()];
        List<Integer> valid = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            Reading reading = readings.get(i);
            Optional<ReadingResult> invalid = ReadingRules.invalid(reading);
            if (invalid.isPresent()) {
                results[i] = invalid.get();
            } else if (notYours.contains(reading.subscriptionId())) {
                results[i] = ReadingResult.refused(reading.id(), Refusal.NOT_YOUR_SUBSCRIPTION, "The subscription is another vendor's");
            } else if (!known.containsKey(reading.subscriptionId())) {
                results[i] = ReadingResult.refused(reading.id(), Refusal.UNKNOWN_SUBSCRIPTION, "No subscription " + reading.subscriptionId());
            } else {
                valid.add(i);
            }
        }
        List<Kept> kept = checked(readings, valid, known, results, tenant.getTimeZone(), grace, now);
        kept = highestAtEachInstant(tenantId, kept, results);
        insert(tenantId, kept, source, results, now);
        writeRefusals(tenantId, readings, results, known, senderVendorId, now);
        return List.of(results);
    }

    /** The readings the rules let through; the others get their refusal. */
    private List<Kept> checked(List<Reading> readings, List<Integer> valid, Map<Long, MeteredSubscription> known, ReadingResult[] results,
                               ZoneId zone, Duration grace, Instant now) {
        Set<MeteredSubscription> subscriptions = new HashSet<>();
        valid.forEach(i -> subscriptions.add(known.get(readings.get(i).subscriptionId())));
        Map<String, MetricRef> metrics = metrics(subscriptions);
        Map<Long, Instant> terminations = terminations(subscriptions);
        Map<Long, Life> lives = new HashMap<>();
        List<Kept> kept = new ArrayList<>();
        for (int i : valid) {
            Reading reading = readings.get(i);
            MeteredSubscription subscription = known.get(reading.subscriptionId());
            Life life = lives.computeIfAbsent(subscription.id(), id -> Life.of(subscription, zone,
                    Optional.ofNullable(terminations.get(id))));
            Optional<MetricRef> metric = Optional.ofNullable(metrics.get(subscription.planId() + "/" + reading.metric()));
            Optional<ReadingResult> refusal = ReadingRules.check(reading, metric, life, grace, now);
            if (refusal.isPresent()) {
                results[i] = refusal.get();
            } else {
                kept.add(new Kept(i, reading, subscription, metric.get()));
            }
        }
        return kept;
    }

    /** The metrics of the subscriptions' plans by "plan id/code": one query. */
    private Map<String, MetricRef> metrics(Collection<MeteredSubscription> subscriptions) {
        Map<String, MetricRef> metrics = new HashMap<>();
        if (subscriptions.isEmpty()) {
            return metrics;
        }
        List<Long> plans = subscriptions.stream().map(MeteredSubscription::planId).distinct().toList();
        entityManager.createQuery("SELECT m.id, m.plan.id, m.code, m.kind FROM Metric m WHERE m.plan.id IN :plans", Object[].class)
                .setParameter("plans", plans).getResultList()
                .forEach(row -> metrics.put(row[1] + "/" + row[2], new MetricRef((Long) row[0], (String) row[2], (Kind) row[3])));
        return metrics;
    }

    /** When the ended subscriptions among them were sent to UNDEPLOY_SENT, by their changelog: one query, only if any ended. */
    private Map<Long, Instant> terminations(Collection<MeteredSubscription> subscriptions) {
        List<Long> ended = subscriptions.stream().filter(s -> s.status() == DeploymentStatus.UNDEPLOY_SENT
                || s.status() == DeploymentStatus.UNDEPLOYED).map(MeteredSubscription::id).toList();
        Map<Long, Instant> terminations = new HashMap<>();
        if (!ended.isEmpty()) {
            entityManager.createQuery("SELECT c.subscriptionId, MIN(c.changedAt) FROM SubscriptionChange c WHERE c.subscriptionId IN :ended"
                            + " AND c.what = :status AND c.toValue = :sent GROUP BY c.subscriptionId", Object[].class)
                    .setParameter("ended", ended).setParameter("status", Change.What.STATUS)
                    .setParameter("sent", DeploymentStatus.UNDEPLOY_SENT.name()).getResultList()
                    .forEach(row -> terminations.put((Long) row[0], (Instant) row[1]));
        }
        return terminations;
    }

    /**
     * A counter keeps its highest value at one instant: a lower one, in the batch or against the kept readings of that
     * instant (one query for the batch), is refused COUNTER_WENT_DOWN.
     */
    private List<Kept> highestAtEachInstant(long tenantId, List<Kept> kept, ReadingResult[] results) {
        Map<String, BigDecimal> highest = new HashMap<>();
        List<Kept> counters = kept.stream().filter(k -> k.metric().kind() == Kind.COUNTER).toList();
        if (counters.isEmpty()) {
            return kept;
        }
        for (Kept counter : counters) {
            highest.merge(instantKey(counter.subscription().id(), counter.metric().id(), counter.reading().at()), counter.reading().value(),
                    BigDecimal::max);
        }
        StringBuilder select = new StringBuilder("SELECT subscription_id, metric_id, read_at, MAX(value) FROM usage_reading WHERE tenant_id = ? AND (");
        List<Object> parameters = new ArrayList<>(List.of(tenantId));
        Set<String> asked = new HashSet<>();
        for (Kept counter : counters) {
            if (asked.add(instantKey(counter.subscription().id(), counter.metric().id(), counter.reading().at()))) {
                select.append(parameters.size() == 1 ? "" : " OR ").append("(subscription_id = ? AND metric_id = ? AND read_at = ?)");
                parameters.addAll(List.of(counter.subscription().id(), counter.metric().id(), InstantConverter.column(counter.reading().at())));
            }
        }
        select.append(") GROUP BY subscription_id, metric_id, read_at");
        sql.query(select.toString(), parameters, row -> Map.entry(instantKey(row.getLong(1), row.getLong(2),
                        InstantConverter.instant(row.getObject(3, LocalDateTime.class))), row.getBigDecimal(4)))
                .forEach(stored -> highest.merge(stored.getKey(), stored.getValue(), BigDecimal::max));
        List<Kept> left = new ArrayList<>();
        for (Kept k : kept) {
            BigDecimal top = highest.get(instantKey(k.subscription().id(), k.metric().id(), k.reading().at()));
            if (ReadingRules.counterWentDown(k.metric().kind(), k.reading().value(), Optional.ofNullable(top))) {
                results[k.index()] = ReadingRules.wentDown(k.reading(), top);
            } else {
                left.add(k);
            }
        }
        return left;
    }

    private static String instantKey(long subscriptionId, long metricId, Instant at) {
        return subscriptionId + "/" + metricId + "/" + at;
    }

    /**
     * Inserts the kept readings (the first of each id in the batch; a repeat inside the batch is a DUPLICATE of it),
     * reads back which rows carry this batch's token, and marks their series to fold from the hour of the earliest.
     * Rows go in key order, so that parallel batches lock the same keys in the same order.
     */
    private void insert(long tenantId, List<Kept> kept, ReadingSource source, ReadingResult[] results, Instant now) {
        TreeMap<String, Kept> first = new TreeMap<>();
        List<Kept> repeats = new ArrayList<>();
        for (Kept k : kept) {
            if (first.putIfAbsent(k.key(), k) != null) {
                repeats.add(k);
            }
        }
        if (first.isEmpty()) {
            return;
        }
        long token = TOKENS.nextLong();
        List<Kept> rows = new ArrayList<>(first.values());
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Kept> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            StringBuilder insert = new StringBuilder("INSERT INTO usage_reading (tenant_id, vendor_id, subscription_id, metric_id, external_id,"
                    + " value, read_at, source, batch_token, received_at) VALUES ");
            List<Object> parameters = new ArrayList<>(chunk.size() * 10);
            for (Kept k : chunk) {
                insert.append(parameters.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                parameters.addAll(List.of(tenantId, k.subscription().vendorId(), k.subscription().id(), k.metric().id(), k.reading().id(),
                        k.reading().value(), InstantConverter.column(k.reading().at()), source.name(), token, InstantConverter.column(now)));
            }
            insert.append(" ON DUPLICATE KEY UPDATE external_id = external_id");
            sql.update(insert.toString(), parameters);
        }
        Set<String> ours = written(tenantId, token, rows);
        Map<Series, Instant[]> dirty = new TreeMap<>(Comparator.comparingLong(Series::subscriptionId).thenComparingLong(Series::metricId));
        for (Kept k : rows) {
            if (ours.contains(k.key())) {
                results[k.index()] = ReadingResult.accepted(k.reading().id());
                Instant at = k.reading().at();
                dirty.merge(new Series(k.subscription().id(), k.metric().id()), new Instant[] {at, at},
                        (a, b) -> new Instant[] {a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
            } else {
                results[k.index()] = ReadingResult.duplicate(k.reading().id());
            }
        }
        repeats.forEach(k -> results[k.index()] = ReadingResult.duplicate(k.reading().id()));
        markDirty(tenantId, dirty);
    }

    /** The keys ("vendor/id") of the rows this batch's token wrote: its own rows are visible to it whatever the isolation. */
    private Set<String> written(long tenantId, long token, List<Kept> rows) {
        Map<Long, List<String>> idsByVendor = new LinkedHashMap<>();
        rows.forEach(k -> idsByVendor.computeIfAbsent(k.subscription().vendorId(), v -> new ArrayList<>()).add(k.reading().id()));
        Set<String> ours = new HashSet<>();
        for (Map.Entry<Long, List<String>> vendor : idsByVendor.entrySet()) {
            List<String> ids = vendor.getValue();
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                String select = "SELECT external_id FROM usage_reading WHERE tenant_id = ? AND vendor_id = ? AND batch_token = ?"
                        + " AND external_id IN (" + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")";
                List<Object> parameters = new ArrayList<>(List.of(tenantId, vendor.getKey(), token));
                parameters.addAll(chunk);
                sql.query(select, parameters, row -> row.getString(1)).forEach(id -> ours.add(vendor.getKey() + "/" + id));
            }
        }
        return ours;
    }

    /** LEAST(dirty_from, the hour of the earliest new reading), and a new version: the folder clears only what it folded. */
    private void markDirty(long tenantId, Map<Series, Instant[]> dirty) {
        if (dirty.isEmpty()) {
            return;
        }
        StringBuilder upsert = new StringBuilder("INSERT INTO usage_series (tenant_id, subscription_id, metric_id, dirty_from, dirty_version,"
                + " last_read_at) VALUES ");
        List<Object> parameters = new ArrayList<>();
        dirty.forEach((series, range) -> {
            upsert.append(parameters.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, 1, ?)");
            parameters.addAll(List.of(tenantId, series.subscriptionId(), series.metricId(),
                    InstantConverter.column(range[0].truncatedTo(ChronoUnit.HOURS)), InstantConverter.column(range[1])));
        });
        upsert.append(" ON DUPLICATE KEY UPDATE dirty_from = LEAST(COALESCE(dirty_from, VALUES(dirty_from)), VALUES(dirty_from)),"
                + " dirty_version = dirty_version + 1,"
                + " last_read_at = GREATEST(COALESCE(last_read_at, VALUES(last_read_at)), VALUES(last_read_at))");
        sql.update(upsert.toString(), parameters);
    }

    /** The refused readings, for the vendor's back-office: one multi-row INSERT. */
    private void writeRefusals(long tenantId, List<Reading> readings, ReadingResult[] results, Map<Long, MeteredSubscription> known,
                               Long senderVendorId, Instant now) {
        StringBuilder insert = new StringBuilder("INSERT INTO usage_refusal (tenant_id, vendor_id, subscription_id, metric, external_id, value,"
                + " read_at, code, reason, refused_at) VALUES ");
        List<Object> parameters = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            if (results[i].code() == null) {
                continue;
            }
            Reading reading = readings.get(i);
            MeteredSubscription subscription = reading.subscriptionId() == null || results[i].code() == Refusal.NOT_YOUR_SUBSCRIPTION
                    ? null : known.get(reading.subscriptionId());
            insert.append(parameters.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            parameters.addAll(java.util.Arrays.asList(tenantId, subscription == null ? senderVendorId : Long.valueOf(subscription.vendorId()),
                    reading.subscriptionId(), cut(reading.metric(), ReadingRules.METRIC_LENGTH), cut(reading.id(), ReadingRules.ID_LENGTH),
                    reading.value() == null ? null : cut(reading.value().toString(), 40), InstantConverter.column(reading.at()),
                    results[i].code().name(), cut(results[i].reason(), 300), InstantConverter.column(now)));
        }
        if (!parameters.isEmpty()) {
            sql.update(insert.toString(), parameters);
        }
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
