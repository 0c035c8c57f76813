package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The billing run's benchmark, outside the test command ({@code ./mvnw -q -Pbench -Dbench=billing}, see README): on the
 * integration tests' server and the bench's own database, it writes {@code bench.tenants} (100) tenants of
 * {@code bench.subscriptions} (10,000) subscriptions each straight into the database (BillingVolume: monthly, yearly
 * billed monthly with prepaid storage, hourly, pay per user with a metric; all due at today's midnight, UTC), starts a
 * billing run of every tenant at that instant through {@code POST /api/v1/billing-runs} as each tenant's ADMIN (the
 * server bounds how many run at once) and times them until the last one ended; then re-runs them all and counts the
 * rows added (must be 0); then loads as many rows into the same tables (proceed, purchase_order, subscription_change,
 * invoice, invoice_line) with plain multi-row INSERTs over JDBC ({@value #RAW_ROWS} rows a statement,
 * {@value #RAW_THREADS} connections), the floor of what those tables take on this machine. Rows written are the rows
 * the run inserted into those tables (the subscriptions' period advances, updates, come on top). Its last line is the
 * summary; the same line is written to {@code target/bench/billing.txt}.
 */
@Tag("billing")
class BillingBench extends EarIT {

    private static final String PREFIX = "bench-";
    private static final List<String> TABLES = List.of("proceed", "purchase_order", "subscription_change", "invoice", "invoice_line");
    private static final int RAW_ROWS = 1_000;
    private static final int RAW_THREADS = 2;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(60);

    @Test
    void billing() throws Exception {
        assertThat(System.getProperty("bench", "billing")).isEqualTo("billing");
        int tenants = Integer.getInteger("bench.tenants", 100);
        int perTenant = Integer.getInteger("bench.subscriptions", 10_000);
        Instant due = Instant.now().truncatedTo(ChronoUnit.DAYS);
        BillingVolume.Volume volume;
        try (Connection connection = TestDatabase.connect()) {
            long start = System.nanoTime();
            volume = BillingVolume.create(connection, PREFIX, tenants, perTenant, due);
            System.out.printf(Locale.ROOT, "billing seed: %d tenants x %d subscriptions in %.1f s%n", tenants, perTenant, seconds(start));
        }
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < tenants; i++) {
            tokens.add(Http.host(volume.host(i)).token(volume.admin(i), BillingVolume.PASSWORD));
        }

        Map<String, Long> before = rows(volume);
        double runSeconds = runAll(volume, tokens, due);
        Map<String, Long> after = rows(volume);
        long written = added(before, after);
        long advanced = count("SELECT COUNT(*) FROM subscription WHERE tenant_id IN " + in(volume) + " AND period_start = ?", BillingVolume.time(due));
        assertThat(advanced).as("subscriptions whose period the run opened").isEqualTo(volume.subscriptions());
        double rate = volume.subscriptions() / runSeconds;
        System.out.printf(Locale.ROOT, "billing run: %d subscriptions in %.1f s, %.0f subscriptions/s, %d rows written (%s), %.0f rows/s%n",
                volume.subscriptions(), runSeconds, rate, written, delta(before, after), written / runSeconds);

        double rerunSeconds = runAll(volume, tokens, due);
        long rerunRows = added(after, rows(volume));
        System.out.printf(Locale.ROOT, "billing re-run: %.1f s, %d rows added%n", rerunSeconds, rerunRows);

        double raw = rawInserts(volume, delta(before, after));
        double ratio = (written / runSeconds) / raw;
        System.out.printf(Locale.ROOT, "billing raw insert: %.0f rows/s (multi-row INSERTs of %d rows, %d connections)%n", raw, RAW_ROWS, RAW_THREADS);

        String line = String.format(Locale.ROOT, "billing subscriptions/s=%.0f raw-insert-ratio=%.2f rerun-rows=%d rerun-seconds=%.1f",
                rate, ratio, rerunRows, rerunSeconds);
        Path out = Path.of("target", "bench", "billing.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, line + "\n", StandardCharsets.UTF_8);
        System.out.println(line);
    }

    /** Every tenant's run at {@code at}, started through the API; the seconds from the first start to the last end. */
    private static double runAll(BillingVolume.Volume volume, List<String> tokens, Instant at) {
        long start = System.nanoTime();
        List<Long> runs = new ArrayList<>();
        for (int i = 0; i < volume.tenantIds().size(); i++) {
            runs.add(BillingVolumeIT.started(BillingVolumeIT.start(Http.host(volume.host(i)), tokens.get(i), at)));
        }
        String ids = runs.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
        Eventually.find("every billing run ended", RUN_TIMEOUT, () -> count("SELECT COUNT(*) FROM billing_run WHERE id IN " + ids
                + " AND status IN ('STARTING', 'STARTED')") == 0 ? java.util.Optional.of(true) : java.util.Optional.empty());
        double seconds = seconds(start);
        assertThat(TestDatabase.query("SELECT DISTINCT status FROM billing_run WHERE id IN " + ids)).containsExactly("COMPLETED");
        System.out.println("billing steps (seconds summed over the runs): " + TestDatabase.query("SELECT CONCAT(s.STEPNAME, '=',"
                + " ROUND(SUM(TIMESTAMPDIFF(MICROSECOND, s.STARTTIME, s.ENDTIME)) / 1e6, 1)) FROM STEP_EXECUTION s JOIN billing_run b"
                + " ON b.job_execution_id = s.JOBEXECUTIONID WHERE b.id IN " + ids + " GROUP BY s.STEPNAME"));
        assertThat(count("SELECT COUNT(*) FROM billing_run_error WHERE run_id IN " + ids)).as("errors of the runs").isZero();
        return seconds;
    }

    private static Map<String, Long> rows(BillingVolume.Volume volume) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, count("SELECT COUNT(*) FROM " + table + " WHERE tenant_id IN " + in(volume)));
        }
        return rows;
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new LinkedHashMap<>();
        before.forEach((table, count) -> delta.put(table, after.get(table) - count));
        return delta;
    }

    private static long added(Map<String, Long> before, Map<String, Long> after) {
        return delta(before, after).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * As many rows as the run inserted, per table, as plain multi-row INSERTs into the first tenant (its first
     * subscription's parties; keys made unique by a marker), on {@value #RAW_THREADS} connections: the floor.
     */
    private static double rawInserts(BillingVolume.Volume volume, Map<String, Long> counts) throws Exception {
        long tenant = volume.tenantIds().get(0);
        Map<String, String> ids = new LinkedHashMap<>();
        try (Connection connection = TestDatabase.connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT s.id, s.order_id, s.customer_id, s.vendor_id, s.plan_id, s.product_id, o.placed_by, i.id FROM subscription s"
                        + " JOIN purchase_order o ON o.tenant_id = s.tenant_id AND o.id = s.order_id"
                        + " JOIN invoice i ON i.tenant_id = s.tenant_id AND i.order_id = o.id WHERE s.tenant_id = ? ORDER BY s.id LIMIT 1")) {
            statement.setLong(1, tenant);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                for (String column : List.of("subscription", "order", "customer", "vendor", "plan", "product", "placedBy", "invoice")) {
                    ids.put(column, row.getString(ids.size() + 1));
                }
            }
        }
        String now = BillingVolume.time(Instant.now());
        List<Statement> statements = new ArrayList<>();
        List<String[]> work = new ArrayList<>(); // (table, first row, rows)
        counts.forEach((table, count) -> {
            for (long from = 0; from < count; from += RAW_ROWS) {
                work.add(new String[] {table, Long.toString(from), Long.toString(Math.min(RAW_ROWS, count - from))});
            }
        });
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<Connection> connections = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(RAW_THREADS);
        try {
            for (int t = 0; t < RAW_THREADS; t++) {
                connections.add(TestDatabase.connect());
                statements.add(connections.get(t).createStatement());
            }
            AtomicInteger next = new AtomicInteger();
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < RAW_THREADS; t++) {
                Statement statement = statements.get(t);
                running.add(threads.submit(() -> {
                    for (int w = next.getAndIncrement(); w < work.size(); w = next.getAndIncrement()) {
                        String[] slice = work.get(w);
                        int rows = Integer.parseInt(slice[2]);
                        assertThat(statement.executeUpdate(raw(slice[0], Long.parseLong(slice[1]), rows, tenant, ids, now))).isEqualTo(rows);
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
            return total / seconds(start);
        } finally {
            threads.shutdown();
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /** {@code rows} rows of {@code table} like the run's, numbered from {@code from}. */
    private static String raw(String table, long from, int rows, long tenant, Map<String, String> ids, String now) {
        StringBuilder sql = new StringBuilder(rows * 300);
        switch (table) {
            case "proceed" -> sql.append("INSERT INTO proceed (tenant_id, subscription_id, order_id, component, kind, period_start, period_end,"
                    + " customer_id, vendor_id, plan_id, description, quantity, currency, unit_price, amount, upstream_currency, vendor_amount,"
                    + " wholesale_amount, sell_in_amount, platform_fee, created_at) VALUES ");
            case "purchase_order" -> sql.append("INSERT INTO purchase_order (tenant_id, type, status, source, customer_id, vendor_id, product_id,"
                    + " plan_id, placed_by, duration, extra_resources, currency, marketplace_currency, start_at, decision_reason, total, created_at,"
                    + " version) VALUES ");
            case "subscription_change" -> sql.append("INSERT INTO subscription_change (tenant_id, subscription_id, changed_at, what, from_value,"
                    + " to_value, reason) VALUES ");
            case "invoice" -> sql.append("INSERT INTO invoice (tenant_id, kind, issuer_key, customer_id, year, counter, number, status, currency,"
                    + " issued_at, due_at, net, tax, total, issuer_name, customer_name, version) VALUES ");
            case "invoice_line" -> sql.append("INSERT INTO invoice_line (tenant_id, invoice_id, position, kind, description, quantity, unit_price,"
                    + " net_amount, tax_rate, tax_category) VALUES ");
            default -> throw new IllegalArgumentException(table);
        }
        for (int i = 0; i < rows; i++) {
            long n = from + i;
            sql.append(i == 0 ? "(" : ", (").append(switch (table) {
                case "proceed" -> BillingVolume.values(tenant, ids.get("subscription"), ids.get("order"), "raw:" + n, "LICENSE", now, now,
                        ids.get("customer"), ids.get("vendor"), ids.get("plan"), "Monthly license, 1 x 1 months", "1", "EUR", "10.00", "10.00",
                        "EUR", "10.00", "10.00", "10.00", "1.00", now);
                case "purchase_order" -> BillingVolume.values(tenant, "MONTHLY", "PAID", "PULL", ids.get("customer"), ids.get("vendor"),
                        ids.get("product"), ids.get("plan"), ids.get("placedBy"), 3, "", "EUR", "EUR", now, "bench-raw-" + n, "10.00", now, 0);
                case "subscription_change" -> BillingVolume.values(tenant, ids.get("subscription"), now, "PERIOD",
                        "2026-11-02T00:00:00Z/2026-12-02T00:00:00Z", "2026-12-02T00:00:00Z/2027-01-02T00:00:00Z", "bench raw " + n);
                case "invoice" -> BillingVolume.values(tenant, "INVOICE", 0, ids.get("customer"), 1900, n + 1, "RAW-" + n, "UNPAID", "EUR", now,
                        now, "10.00", "0.00", "10.00", "Volume Marketplace", "Customer 1 GmbH", 0);
                default -> BillingVolume.values(tenant, ids.get("invoice"), 1_000 + n, "LICENSE", "Monthly license, 1 x 1 months", "1",
                        "10.00", "10.00", "0.00", "E");
            }).append(')');
        }
        return sql.toString();
    }

    private static String in(BillingVolume.Volume volume) {
        return volume.tenantIds().stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
    }

    private static long count(String sql, Object... parameters) {
        try (Connection connection = TestDatabase.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
