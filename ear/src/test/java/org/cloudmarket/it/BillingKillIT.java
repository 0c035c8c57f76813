package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: a billing run killed at any point and then restarted finishes with exactly the invoices and lines a clean run
 * gives, and no duplicate. 20,000 subscriptions all due at one instant are billed once cleanly, every proceed and invoice
 * line recorded (with its invoice's grouping and number) and the billing state put back; then the same run again, killed
 * mid-way — the server process SIGKILLed and started again with its own command line, or the server's database
 * connections killed — and restarted through the API until COMPLETED: every line is the clean run's, none twice, and the
 * invoice numbers run on per issuer with no gap. Only the API and SQL on the tables: nothing of the engine's internals.
 * Everything written is removed again (BillingRunRows, the fixture), the clock is reset and the server left running.
 */
class BillingKillIT extends EarIT {

    private static final Logger LOG = Logger.getLogger(BillingKillIT.class.getName());
    private static final int SUBSCRIPTIONS = 20_000;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    private static final String PREFIX = "kill-";

    private static BillingVolume.Volume volume;
    private static Http storefront;
    private static long tenantId;
    private static BillingRunRows rows;
    /** What the clean run wrote, as {@link #billed} reads it. */
    private static Billed clean;

    /** The fixture, then the clean run: what every faulty run is compared with. */
    @BeforeAll
    static void billCleanly() {
        ServerClock.reset();
        try (Connection connection = TestDatabase.connect()) {
            volume = BillingVolume.create(connection, PREFIX, 1, SUBSCRIPTIONS, Instant.now().truncatedTo(ChronoUnit.DAYS));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        storefront = Http.host(volume.host(0));
        tenantId = volume.tenantIds().get(0);
        rows = BillingRunRows.take("kill");
        Instant started = Instant.now();
        JsonNode run = ended(admin(), started(start(admin())));
        assertThat(run.get("status").asText()).as("%s", summary(run)).isEqualTo("COMPLETED");
        assertThat(run.get("errors").size()).as("%s", summary(run)).isZero();
        assertThat(run.get("itemsTotal").asInt()).as("%s", summary(run)).isEqualTo(SUBSCRIPTIONS);
        clean = billed();
        LOG.info("clean run: " + clean.proceeds().size() + " proceeds, " + clean.invoices() + " invoices in "
                + Duration.between(started, Instant.now()).toMillis() + " ms");
        assertThat(clean.proceeds()).as("the clean run bills every subscription").hasSizeGreaterThanOrEqualTo(SUBSCRIPTIONS);
        assertThat(clean.invoices()).as("and invoices them").isPositive();
        assertNoDuplicate();
        rows.restore();
        rows = null;
    }

    @AfterAll
    static void removeEverything() throws SQLException {
        try {
            ServerClock.reset();
            if (rows != null) {
                rows.restore();
            }
        } finally {
            try (Connection connection = TestDatabase.connect()) {
                BillingVolume.deleteAll(connection, PREFIX);
            }
        }
    }

    @Test
    void aRunWhoseServerIsKilledMidWayAndRestartedBillsExactlyWhatACleanRunBills() {
        rows = BillingRunRows.take("kill");
        try {
            killTheServerMidWayAndRestart();
        } finally {
            rows.restore();
            rows = null;
        }
    }

    private static void killTheServerMidWayAndRestart() {
        long runId = started(start(admin()));
        int done = midway(runId);
        ServerProcess server = ServerProcess.running();
        List<String> deployments = ServerProcess.deployments();
        server.kill();
        LOG.info("killed WildFly " + server.pid() + " at " + done + " items done");
        server.startAgain(Path.of("target", "billing-kill-server.log"));
        assertThat(ServerProcess.deployments()).as("the deployments back after the restart (standalone.xml kept them)")
                .containsExactlyInAnyOrderElementsOf(deployments);
        awaitApplication();

        String admin = admin();
        JsonNode failed = Eventually.find("run " + runId + " marked FAILED after the restart", Duration.ofSeconds(60), () -> {
            JsonNode run = run(admin, runId);
            return run.get("status").asText().equals("FAILED") ? Optional.of(run) : Optional.empty();
        });
        assertThat(failed.get("itemsDone").asInt()).as("%s", summary(failed)).isLessThan(failed.get("itemsTotal").asInt());
        JsonNode completed = restartUntilCompleted(admin, runId);
        // the one error of a run the restarted server marked FAILED says so, and concerns no subscription
        assertThat(completed.get("errors").findValues("subscriptionId")).as("subscriptions in error: %s", summary(completed)).isEmpty();
        assertSameAsClean();
    }

    @Test
    void aRunWhoseDatabaseConnectionsAreDroppedMidWayAndRestartedBillsExactlyWhatACleanRunBills() throws SQLException {
        rows = BillingRunRows.take("kill");
        try {
            dropTheConnectionsMidWayAndRestart();
        } finally {
            rows.restore();
            rows = null;
        }
    }

    private static void dropTheConnectionsMidWayAndRestart() throws SQLException {
        String admin = admin();
        long runId = started(start(admin));
        int done = midway(runId);
        int killed = dropServerConnections();
        LOG.info("killed " + killed + " database connections of the server at " + done + " items done");
        assertThat(killed).as("the server's connections").isPositive();
        JsonNode ended = ended(admin, runId);
        LOG.info("after the dropped connections: " + summary(ended));
        assertThat(ended.get("status").asText()).as("a run whose connections were dropped: %s", summary(ended)).isEqualTo("FAILED");
        JsonNode completed = restartUntilCompleted(admin, runId);
        // a subscription whose own transaction lost its connection was the first attempt's error; its chunk, rolled back
        // with the connection, is done again by the restart (assertSameAsClean: billed once, as cleanly), and the error goes
        assertThat(completed.get("errors").findValues("subscriptionId")).as("subscriptions still in error: %s", summary(completed)).isEmpty();
        assertSameAsClean();
    }

    /**
     * Restarts the FAILED run through the API; it ends COMPLETED, every item done.
     */
    private static JsonNode restartUntilCompleted(String admin, long runId) {
        HttpResponse<String> restart = storefront.post("/api/v1/billing-runs/" + runId + "/restart", Http.bearer(admin));
        assertThat(restart.statusCode()).as("%s", restart.body()).isEqualTo(202);
        JsonNode completed = ended(admin, runId);
        LOG.info("restarted: " + summary(completed));
        assertThat(completed.get("status").asText()).as("%s", summary(completed)).isEqualTo("COMPLETED");
        assertThat(completed.get("itemsDone").asInt()).as("%s", summary(completed)).isEqualTo(completed.get("itemsTotal").asInt());
        return completed;
    }

    /** Every proceed, line, invoice grouping and number the clean run's; no natural key twice; numbers with no gap. */
    private static void assertSameAsClean() {
        Billed again = billed();
        assertThat(again.proceeds()).as("proceeds").hasSameSizeAs(clean.proceeds());
        assertThat(again.invoices()).as("invoices").isEqualTo(clean.invoices());
        assertThat(again.proceeds()).as("every proceed with its invoice line, invoice and number").containsExactlyElementsOf(clean.proceeds());
        assertThat(again.taxes()).as("every invoice's taxes").containsExactlyElementsOf(clean.taxes());
        assertThat(again.orders()).as("the period orders").containsExactlyElementsOf(clean.orders());
        assertThat(again.subscriptions()).as("the subscriptions' periods and windows").containsExactlyElementsOf(clean.subscriptions());
        assertNoDuplicate();
    }

    /** No natural key, invoice line or period order twice, and each issuer's invoice numbers on from its counter, no gap. */
    private static void assertNoDuplicate() {
        long tenant = tenantId;
        assertThat(TestDatabase.query("SELECT CONCAT(subscription_id, ' ', component, ' ', kind, ' ', period_start, ' ', period_order_key)"
                + " FROM proceed WHERE tenant_id = ? GROUP BY subscription_id, component, kind, period_start, period_order_key"
                + " HAVING COUNT(*) > 1", tenant)).as("natural keys billed twice").isEmpty();
        assertThat(TestDatabase.query("SELECT proceed_id FROM invoice_line WHERE tenant_id = ? AND proceed_id IS NOT NULL GROUP BY proceed_id"
                + " HAVING COUNT(*) > 1", tenant)).as("proceeds invoiced twice").isEmpty();
        assertThat(TestDatabase.query("SELECT CONCAT(subscription_id, ' ', period_start) FROM purchase_order WHERE tenant_id = ?"
                + " AND period_start IS NOT NULL GROUP BY subscription_id, period_start HAVING COUNT(*) > 1", tenant))
                .as("period orders twice").isEmpty();
        // the run's invoices per issuer, kind and year: counters from the one before the run to the counter's last value
        assertThat(TestDatabase.query("SELECT CONCAT(i.issuer_key, ' ', i.kind, ' ', i.year, ': ', COUNT(*), ' invoices, counters ', MIN(i.counter),"
                + " '-', MAX(i.counter), ', distinct ', COUNT(DISTINCT i.counter), ', last ', MAX(c.last_value), ', before ', COALESCE(MAX(k.last_value), 0))"
                + " FROM invoice i JOIN invoice_counter c ON c.tenant_id = i.tenant_id AND c.issuer_key = i.issuer_key AND c.kind = i.kind AND c.year = i.year"
                + " LEFT JOIN " + rows.countersTable() + " k ON k.tenant_id = i.tenant_id AND k.issuer_key = i.issuer_key AND k.kind = i.kind AND k.year = i.year"
                + " WHERE i.tenant_id = ? AND i.id > ? GROUP BY i.issuer_key, i.kind, i.year"
                + " HAVING COUNT(*) <> COUNT(DISTINCT i.counter) OR MIN(i.counter) <> COALESCE(MAX(k.last_value), 0) + 1"
                + " OR MAX(i.counter) <> MAX(c.last_value) OR MAX(i.counter) - MIN(i.counter) + 1 <> COUNT(*)", tenant, rows.maxId("invoice")))
                .as("issuers whose invoice numbers repeat or leave a gap").isEmpty();
        assertThat(TestDatabase.query("SELECT number FROM invoice WHERE tenant_id = ? GROUP BY issuer_key, number HAVING COUNT(*) > 1", tenant))
                .as("invoice numbers twice").isEmpty();
    }

    /**
     * What the runs wrote for the fixture's subscriptions, in a fixed order and without what differs from one run to the
     * next by nature (ids, the run, the instants of writing): every proceed with its amounts at every level and parties,
     * its period order's kind and period, its invoice line, and its invoice's issuer, customer, number, totals and terms.
     */
    private static Billed billed() {
        long tenant = tenantId;
        long after = rows.maxId("proceed");
        List<String> proceeds = TestDatabase.query("SELECT CONCAT_WS(' | ', " + String.join(", ", coalesced(
                "p.tenant_id", "p.subscription_id", "p.component", "p.kind", "p.period_start", "p.period_end", "p.customer_id", "p.seller_id",
                "p.vendor_id", "p.distributor_id", "p.reseller_id", "p.plan_id", "p.description", "p.quantity", "p.currency", "p.unit_price",
                "p.amount", "p.upstream_currency", "p.vendor_amount", "p.wholesale_amount", "p.sell_in_amount", "p.platform_fee", "p.exchange_rate",
                "o.type", "o.status", "o.period_start", "o.total", "l.position", "l.kind", "l.description", "l.quantity", "l.unit_price",
                "l.net_amount", "l.tax_rate", "l.tax_category", "i.kind", "i.issuer_id", "i.issuer_key", "i.customer_id", "i.year", "i.counter",
                "i.number", "i.status", "i.currency", "i.net", "i.tax", "i.total", "i.issuer_name", "i.customer_name",
                "TIMESTAMPDIFF(DAY, i.issued_at, i.due_at)", "io.type")) + ")"
                + " FROM proceed p JOIN purchase_order o ON o.tenant_id = p.tenant_id AND o.id = p.order_id"
                + " LEFT JOIN invoice_line l ON l.tenant_id = p.tenant_id AND l.proceed_id = p.id"
                + " LEFT JOIN invoice i ON i.tenant_id = l.tenant_id AND i.id = l.invoice_id"
                + " LEFT JOIN purchase_order io ON io.tenant_id = i.tenant_id AND io.id = i.order_id"
                + " WHERE p.tenant_id = ? AND p.id > ?"
                + " ORDER BY p.subscription_id, p.period_start, p.component, p.kind, o.type, l.position", tenant, after);
        List<String> taxes = TestDatabase.query("SELECT CONCAT_WS(' | ', i.issuer_key, i.number, t.tax_rate, t.tax_category, t.taxable, t.tax)"
                + " FROM invoice_tax t JOIN invoice i ON i.tenant_id = t.tenant_id AND i.id = t.invoice_id WHERE i.tenant_id = ? AND i.id > ?"
                + " ORDER BY i.issuer_key, i.number, t.tax_rate, t.tax_category", tenant, rows.maxId("invoice"));
        String invoices = TestDatabase.query("SELECT COUNT(*) FROM invoice WHERE tenant_id = ? AND id > ?", tenant, rows.maxId("invoice")).get(0);
        List<String> orders = TestDatabase.query("SELECT CONCAT_WS(' | ', " + String.join(", ", coalesced("o.subscription_id", "o.type", "o.status",
                "o.period_start", "o.total", "o.currency", "o.duration", "o.extra_resources")) + ") FROM purchase_order o"
                + " WHERE o.tenant_id = ? AND o.id > ? AND o.period_start IS NOT NULL"
                + " ORDER BY o.subscription_id, o.period_start, o.type", tenant, rows.maxId("purchase_order"));
        List<String> subscriptions = TestDatabase.query("SELECT CONCAT_WS(' | ', " + String.join(", ", coalesced("s.id", "s.window_start",
                "s.period_start", "s.period_end", "s.ends_at", "s.paid", "s.deployment_status", "s.extra_resources", "MD5(s.prices)")) + ")"
                + " FROM subscription s WHERE s.tenant_id = ? ORDER BY s.id", tenant);
        return new Billed(proceeds, Integer.parseInt(invoices), taxes, orders, subscriptions);
    }

    private record Billed(List<String> proceeds, int invoices, List<String> taxes, List<String> orders, List<String> subscriptions) {
    }

    private static List<String> coalesced(String... columns) {
        List<String> expressions = new ArrayList<>();
        for (String column : columns) {
            expressions.add("COALESCE(CAST(" + column + " AS CHAR), '-')");
        }
        return expressions;
    }

    /**
     * The run's items done once a fifth or more of them and not all, read from billing_run every 20 ms (the run is not
     * slowed down: it is caught as soon as it is that far).
     */
    private static int midway(long runId) {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement progress = connection.prepareStatement("SELECT items_done, items_total, status FROM billing_run WHERE id = ?")) {
            progress.setLong(1, runId);
            return Eventually.find("run " + runId + " on its way", RUN_TIMEOUT, Duration.ofMillis(20), () -> {
                try (ResultSet row = progress.executeQuery()) {
                    assertThat(row.next()).as("run %s", runId).isTrue();
                    int done = row.getInt(1);
                    int total = row.getInt(2);
                    assertThat(row.getString(3)).as("run %s ended before it could be caught mid-way (%s of %s)", runId, done, total)
                            .isIn("STARTING", "STARTED");
                    return done > 0 && done < total && done >= total / 5 ? Optional.of(done) : Optional.<Integer>empty();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** KILL CONNECTION for every connection on the tests' database but this one (the server's pool, JBeret's repository). */
    private static int dropServerConnections() throws SQLException {
        int killed = 0;
        try (Connection connection = TestDatabase.connect();
             PreparedStatement list = connection.prepareStatement("SELECT id FROM information_schema.processlist"
                     + " WHERE db = DATABASE() AND id <> CONNECTION_ID()");
             ResultSet ids = list.executeQuery()) {
            List<Long> found = new ArrayList<>();
            while (ids.next()) {
                found.add(ids.getLong(1));
            }
            for (long id : found) {
                try (PreparedStatement kill = connection.prepareStatement("KILL CONNECTION " + id)) {
                    kill.execute();
                    killed++;
                } catch (SQLException e) {
                    // gone meanwhile (the pool closed it): nothing to drop
                    if (e.getErrorCode() != 1094) {
                        throw e;
                    }
                }
            }
        }
        return killed;
    }

    /** The application answers again: a token for the fixture's admin. */
    private static void awaitApplication() {
        Eventually.holds("the application answering after the restart", Duration.ofSeconds(60), () -> {
            try {
                admin();
                return true;
            } catch (AssertionError | RuntimeException e) {
                return false;
            }
        });
    }

    private static HttpResponse<String> start(String admin) {
        return storefront.postJson("/api/v1/billing-runs", "{\"at\":\"" + volume.due() + "\"}", Http.bearer(admin));
    }

    /** A fresh token of the tenant's ADMIN (the server may have been restarted since the last one). */
    private static String admin() {
        return storefront.token(volume.admin(0), BillingVolume.PASSWORD);
    }

    private static long started(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(202);
        return Http.json(response).get("id").asLong();
    }

    private static JsonNode run(String admin, long runId) {
        HttpResponse<String> response = storefront.get("/api/v1/billing-runs/" + runId, Http.bearer(admin));
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(200);
        return Http.json(response);
    }

    /** The run once its job ended. */
    private static JsonNode ended(String admin, long runId) {
        return Eventually.find("billing run " + runId + " ended", RUN_TIMEOUT, () -> {
            JsonNode run = run(admin, runId);
            String status = run.path("status").asText();
            return status.equals("STARTING") || status.equals("STARTED") ? Optional.empty() : Optional.of(run);
        });
    }

    /** The run without its (possibly thousands of) errors' details beyond the first few. */
    private static String summary(JsonNode run) {
        JsonNode errors = run.path("errors");
        List<String> first = new ArrayList<>();
        for (int i = 0; i < Math.min(5, errors.size()); i++) {
            first.add(errors.get(i).toString());
        }
        return run.path("status").asText() + " " + run.path("itemsDone") + "/" + run.path("itemsTotal") + ", " + errors.size() + " errors "
                + first;
    }
}
