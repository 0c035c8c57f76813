package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The usage intake benchmark, outside the test command ({@code ./mvnw -q -Pbench -Dbench=usage},
 * see README): on the integration tests' server and the bench's own database, it writes 1,000
 * running subscriptions of Nimbus Desk "Pay per user" (metric {@code users}, a gauge) for Nimbus
 * Software in acme, straight into the database (once), then, as vendor@acme.test with an API token,
 * sends 1,000,000 readings (ids fresh in this run) in batches of 1,000 to {@code POST /api/v1/usage}
 * from {@value #THREADS} client threads, each batch one reading per subscription, times within the
 * last hour; then replays all of them and counts what was counted twice (answers other than
 * DUPLICATE, and rows the replay added); then loads as many rows into usage_reading with plain
 * multi-row INSERTs over JDBC (1,000 rows a statement, the same threads), the floor of what the
 * table takes on this machine. Its last line is the summary; the same line is written to
 * {@code target/bench/usage.txt}.
 */
@Tag("usage")
class UsageBench extends EarIT {

    private static final int SUBSCRIPTIONS = 1_000;
    private static final int BATCH = 1_000;
    private static final int READINGS = 1_000_000;
    private static final int BATCHES = READINGS / BATCH;
    /** Batches sent before the measured run, so that the server's JIT is warm for it. */
    private static final int WARM_UP_BATCHES = 20;
    /** Clients in parallel: the machine has 2 cores and the server shares them. */
    private static final int THREADS = 3;
    private static final String MARKER = "bench-usage-";
    private static final String METRIC = "users";
    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

    /** The bench's subscriptions and the ids a raw row needs. */
    private record Bench(String tenant, String vendor, String metric, List<Long> subscriptions) {
    }

    /** What one pass over the batches was answered. */
    private record Tally(long accepted, long duplicate, long refused, Map<String, Long> codes, double seconds) {

        double rate(long readings) {
            return readings / seconds;
        }
    }

    @Test
    void usage() throws Exception {
        assertThat(System.getProperty("bench", "usage")).isEqualTo("usage");
        Bench bench = seed();
        forgetEarlierRuns(bench);
        String[] vendor = Http.bearer(Http.host("acme.localhost").token("vendor@acme.test", "demo"));
        String run = "b" + Unique.suffix() + "-"; // the run's ids: then w (warm-up), h (measured over HTTP), r (raw rows)
        Instant from = Instant.now().minus(55, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

        List<byte[]> warmUp = bodies(bench, run + "w", from, WARM_UP_BATCHES);
        List<byte[]> bodies = bodies(bench, run + "h", from, BATCHES);
        send(vendor, warmUp);

        Tally first = send(vendor, bodies);
        assertThat(first.accepted()).as("readings accepted of %d, refused by code: %s", READINGS, first.codes()).isEqualTo(READINGS);
        long rows = rowsOf(bench, run + "h");
        assertThat(rows).as("rows of the run's readings").isEqualTo(READINGS);
        System.out.printf(Locale.ROOT, "usage http: %d readings in %.1f s, %.0f readings/s (%d threads, batches of %d)%n",
                READINGS, first.seconds(), first.rate(READINGS), THREADS, BATCH);

        Tally replay = send(vendor, bodies);
        long added = rowsOf(bench, run + "h") - rows;
        long duplicates = READINGS - replay.duplicate() + added;
        System.out.printf(Locale.ROOT, "usage replay: %.1f s, %.0f readings/s, %d DUPLICATE, %d ACCEPTED, %d REFUSED %s, %d rows added%n",
                replay.seconds(), replay.rate(READINGS), replay.duplicate(), replay.accepted(), replay.refused(), replay.codes(), added);

        double raw = rawInserts(bench, run + "r");
        System.out.printf(Locale.ROOT, "usage raw insert: %.0f rows/s (multi-row INSERTs of %d rows, %d connections)%n", raw, BATCH, THREADS);

        String line = String.format(Locale.ROOT, "usage readings/s=%.0f raw-insert-ratio=%.2f duplicates=%d",
                first.rate(READINGS), first.rate(READINGS) / raw, duplicates);
        Path out = Path.of("target", "bench", "usage.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, line + "\n", StandardCharsets.UTF_8);
        System.out.println(line);
    }

    /**
     * 1,000 running subscriptions of Nimbus Desk "Pay per user" bought by acme's customer at Cloudy
     * Partners, each with the order a purchase would have left (marked {@code bench-usage-NNNN} in its
     * decision reason), written once into the bench's database (the API would take minutes): started
     * a day before the first run, a monthly period, twelve months' commitment.
     */
    private static Bench seed() {
        String tenant = one("SELECT id FROM tenant WHERE slug = 'acme'");
        String product = one("SELECT id FROM product WHERE tenant_id = ? AND name = 'Nimbus Desk'", tenant);
        String vendor = one("SELECT vendor_id FROM product WHERE id = ?", product);
        String plan = one("SELECT id FROM plan WHERE tenant_id = ? AND product_id = ? AND name = 'Pay per user'", tenant, product);
        String metric = one("SELECT id FROM metric WHERE tenant_id = ? AND plan_id = ? AND code = ?", tenant, plan, METRIC);
        if (subscriptions(tenant).size() < SUBSCRIPTIONS) {
            String customer = one("SELECT organization_id FROM app_user WHERE tenant_id = ? AND email = 'customer@acme.test'", tenant);
            String placedBy = one("SELECT id FROM app_user WHERE tenant_id = ? AND email = 'customer@acme.test'", tenant);
            String seller = one("SELECT id FROM organization WHERE tenant_id = ? AND name = 'Cloudy Partners'", tenant);
            String storefront = one("SELECT storefront_id FROM storefront_host WHERE host = 'cloudy.acme.localhost'");
            TestDatabase.update("INSERT INTO purchase_order (tenant_id, type, status, source, customer_id, seller_id, storefront_id,"
                    + " vendor_id, product_id, plan_id, placed_by, duration, extra_resources, currency, marketplace_currency, start_at,"
                    + " decision_reason, total, created_at, version) SELECT ?, 'NORMAL', 'PAID', 'PULL', ?, ?, ?, ?, ?, ?, ?, 12, '',"
                    + " 'EUR', 'EUR', TIMESTAMPADD(DAY, -1, UTC_TIMESTAMP(6)), CONCAT(?, LPAD(s.seq, 4, '0')), 0,"
                    + " TIMESTAMPADD(DAY, -1, UTC_TIMESTAMP(6)), 1 FROM seq_1_to_" + SUBSCRIPTIONS + " s WHERE NOT EXISTS (SELECT 1"
                    + " FROM purchase_order o WHERE o.tenant_id = ? AND o.decision_reason = CONCAT(?, LPAD(s.seq, 4, '0')))",
                    tenant, customer, seller, storefront, vendor, product, plan, placedBy, MARKER, tenant, MARKER);
            TestDatabase.update("INSERT INTO subscription (tenant_id, type, deployment_status, customer_id, seller_id, storefront_id,"
                    + " vendor_id, product_id, plan_id, order_id, currency, prices, extra_resources, duration, anchor_at, window_start,"
                    + " period_start, period_end, ends_at, auto_renew, trial_ends_at, trial_converts, paid, created_at, version)"
                    + " SELECT o.tenant_id, 'NORMAL', 'DEPLOYED', o.customer_id, o.seller_id, o.storefront_id, o.vendor_id, o.product_id,"
                    + " o.plan_id, o.id, 'EUR', ?, '', 12, o.start_at, o.start_at, o.start_at, TIMESTAMPADD(MONTH, 1, o.start_at),"
                    + " TIMESTAMPADD(MONTH, 12, o.start_at), TRUE, NULL, FALSE, TRUE, o.start_at, 1 FROM purchase_order o"
                    + " WHERE o.tenant_id = ? AND o.decision_reason LIKE CONCAT(?, '%') AND NOT EXISTS (SELECT 1 FROM subscription s"
                    + " WHERE s.tenant_id = o.tenant_id AND s.order_id = o.id)", SubscriptionFixtures.payPerUserSnapshot(), tenant, MARKER);
            TestDatabase.update("UPDATE purchase_order o JOIN subscription s ON s.tenant_id = o.tenant_id AND s.order_id = o.id"
                    + " SET o.subscription_id = s.id WHERE o.tenant_id = ? AND o.decision_reason LIKE CONCAT(?, '%')", tenant, MARKER);
        }
        List<Long> subscriptions = subscriptions(tenant);
        assertThat(subscriptions).hasSize(SUBSCRIPTIONS);
        return new Bench(tenant, vendor, metric, subscriptions);
    }

    private static List<Long> subscriptions(String tenant) {
        return TestDatabase.query("SELECT s.id FROM subscription s JOIN purchase_order o ON o.tenant_id = s.tenant_id AND o.id = s.order_id"
                + " WHERE o.tenant_id = ? AND o.decision_reason LIKE CONCAT(?, '%') ORDER BY s.id", tenant, MARKER)
                .stream().map(Long::valueOf).toList();
    }

    /**
     * The rows earlier runs left on the bench's subscriptions, removed, so that every run starts on
     * the same table (a table millions of rows larger takes inserts more slowly). When the table
     * holds nothing else, TRUNCATE: deleting the two million rows of a run row by row takes the
     * database about four minutes on this machine. Otherwise in slices: one transaction of two
     * million rows would fill the undo log.
     */
    private static void forgetEarlierRuns(Bench bench) {
        String in = bench.subscriptions().stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
        if (one("SELECT COUNT(*) FROM usage_reading WHERE NOT (tenant_id = ? AND subscription_id IN " + in + ")", bench.tenant()).equals("0")) {
            TestDatabase.update("TRUNCATE TABLE usage_reading");
        }
        while (TestDatabase.update("DELETE FROM usage_reading WHERE tenant_id = ? AND subscription_id IN " + in + " LIMIT 50000",
                bench.tenant()) > 0) {
            // next slice
        }
        for (String table : List.of("usage_hour", "usage_series", "usage_refusal")) {
            TestDatabase.update("DELETE FROM " + table + " WHERE tenant_id = ? AND subscription_id IN " + in, bench.tenant());
        }
    }

    /**
     * The request bodies of one pass, built before it is timed: batch {@code b} holds one reading of
     * every subscription, at {@code from} + 3 b seconds (so a pass of 1,000 batches spans 50 minutes,
     * all before now); a gauge's value, any order of values is valid.
     */
    private static List<byte[]> bodies(Bench bench, String run, Instant from, int batches) {
        List<byte[]> bodies = new ArrayList<>(batches);
        for (int b = 0; b < batches; b++) {
            String at = from.plusSeconds(3L * b).toString();
            StringBuilder json = new StringBuilder(BATCH * 120).append("{\"readings\":[");
            for (int i = 0; i < BATCH; i++) {
                int n = b * BATCH + i;
                json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(run).append(n).append("\",\"subscriptionId\":")
                        .append(bench.subscriptions().get(i % SUBSCRIPTIONS)).append(",\"metric\":\"").append(METRIC)
                        .append("\",\"value\":").append(n % 97).append(",\"at\":\"").append(at).append("\"}");
            }
            bodies.add(json.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    /** Sends every body to POST /api/v1/usage from the client threads, each on its own connection, and tallies the answers. */
    private static Tally send(String[] vendor, List<byte[]> bodies) throws Exception {
        long[][] counts = new long[THREADS][3];
        List<Map<String, Long>> codes = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            codes.add(new TreeMap<>());
        }
        double seconds = inParallel(bodies.size(), thread -> {
            Http client = Http.host("acme.localhost");
            return batch -> {
                HttpResponse<String> response = client.postBytes("/api/v1/usage", "application/json", bodies.get(batch), vendor);
                assertThat(response.statusCode()).as("batch %d: %s", batch, excerpt(response.body())).isEqualTo(200);
                JsonNode results = Http.json(response).get("results");
                assertThat(results.size()).as("results of batch %d", batch).isEqualTo(BATCH);
                for (JsonNode result : results) {
                    switch (result.get("status").asText()) {
                        case "ACCEPTED" -> counts[thread][0]++;
                        case "DUPLICATE" -> counts[thread][1]++;
                        default -> {
                            counts[thread][2]++;
                            codes.get(thread).merge(result.path("code").asText() + ": " + result.path("reason").asText(), 1L, Long::sum);
                        }
                    }
                }
            };
        });
        Map<String, Long> refusals = new TreeMap<>();
        codes.forEach(map -> map.forEach((code, count) -> refusals.merge(code, count, Long::sum)));
        long[] total = new long[3];
        for (long[] thread : counts) {
            for (int i = 0; i < 3; i++) {
                total[i] += thread[i];
            }
        }
        return new Tally(total[0], total[1], total[2], refusals, seconds);
    }

    /**
     * As many rows as the HTTP pass, into usage_reading, with plain multi-row INSERTs of 1,000 rows
     * (autocommit, one connection per thread), the statements built before they are timed: the rate
     * the table itself takes on this machine, in this run. Returns rows per second.
     */
    private static double rawInserts(Bench bench, String run) throws Exception {
        String receivedAt = SQL_TIME.format(LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
        Instant from = Instant.now().minus(55, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        List<String> statements = new ArrayList<>(BATCHES);
        for (int b = 0; b < BATCHES; b++) {
            String at = SQL_TIME.format(LocalDateTime.ofInstant(from.plusSeconds(3L * b), ZoneOffset.UTC));
            long token = ThreadLocalRandom.current().nextLong();
            StringBuilder sql = new StringBuilder(BATCH * 130).append("INSERT INTO usage_reading (tenant_id, vendor_id, subscription_id,"
                    + " metric_id, external_id, value, read_at, source, batch_token, received_at) VALUES ");
            for (int i = 0; i < BATCH; i++) {
                int n = b * BATCH + i;
                sql.append(i == 0 ? "" : ",").append('(').append(bench.tenant()).append(',').append(bench.vendor()).append(',')
                        .append(bench.subscriptions().get(i % SUBSCRIPTIONS)).append(',').append(bench.metric()).append(",'")
                        .append(run).append(n).append("',").append(n % 97).append(",'").append(at).append("','PUSH',")
                        .append(token).append(",'").append(receivedAt).append("')");
            }
            statements.add(sql.toString());
        }
        List<Connection> connections = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                connections.add(DriverManager.getConnection(System.getenv("DB_URL"), "root", ""));
            }
            double seconds = inParallel(BATCHES, thread -> {
                Statement statement = connections.get(thread).createStatement();
                return batch -> assertThat(statement.executeUpdate(statements.get(batch))).isEqualTo(BATCH);
            });
            assertThat(rowsOf(bench, run)).as("raw rows").isEqualTo(READINGS);
            return READINGS / seconds;
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private interface Batch {
        void send(int batch) throws Exception;
    }

    private interface Worker {
        Batch on(int thread) throws Exception;
    }

    /** Runs batches 0..count-1 on the client threads, each taking the next one; the seconds from the first to the last. */
    private static double inParallel(int count, Worker worker) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Batch> batches = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                batches.add(worker.on(t));
            }
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Batch batch = batches.get(t);
                done.add(threads.submit(() -> {
                    for (int b = next.getAndIncrement(); b < count; b = next.getAndIncrement()) {
                        batch.send(b);
                    }
                    return null;
                }));
            }
            for (Future<?> thread : done) {
                thread.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            threads.shutdownNow();
        }
    }

    /** The rows whose vendor id starts with the run's prefix (the unique key's range). */
    private static long rowsOf(Bench bench, String run) {
        return Long.parseLong(one("SELECT COUNT(*) FROM usage_reading WHERE tenant_id = ? AND vendor_id = ? AND external_id LIKE CONCAT(?, '%')",
                bench.tenant(), bench.vendor(), run));
    }

    private static String excerpt(String body) {
        return body.length() > 500 ? body.substring(0, 500) + "..." : body;
    }

    private static String one(String sql, Object... parameters) {
        return SubscriptionFixtures.one(sql, parameters);
    }
}
