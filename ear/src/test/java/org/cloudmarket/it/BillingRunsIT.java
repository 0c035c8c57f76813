package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, the billing runs through the API on the server's movable clock: the demo subscriptions of acme and globex
 * billed at their next period's start (prepaid) and a metered one's usage after its period's end and the grace, by
 * both tenants' runs at once (every row carries its own subscription's tenant); one run at a time per tenant (409);
 * a re-run at the same instant adds no row; the first run after a purchase bills nothing of period 0; no future
 * instant (422 at); ADMIN only, and only the tenant's own runs. Everything the runs wrote is removed again and the
 * subscriptions, counters and timers' rows restored, so the ITs after this one find the demo as it was.
 */
class BillingRunsIT extends EarIT {

    private static BillingRunRows rows;

    private final Http acme = Http.host("acme.localhost");
    private final Http globex = Http.host("globex.localhost");

    @BeforeAll
    static void snapshot() {
        rows = BillingRunRows.take("billing");
    }

    /** The clock back, then every row the runs wrote removed and what they changed restored. */
    @AfterAll
    static void restore() {
        ServerClock.reset();
        rows.restore();
    }

    @Test
    void onlyTheTenantsAdminRunsBillingNeverForTheFutureAndTheFirstRunBillsNothingOfPeriodZero() {
        String admin = acme.token("admin@acme.test", "demo");
        assertProblem(start(acme, admin, Instant.now().plus(Duration.ofHours(1)).toString()), 422, "at");
        assertProblem(start(acme, admin, "tomorrow"), 422, "at");
        for (String other : List.of("reseller@acme.test", "vendor@acme.test", "supervisor@acme.test")) {
            String token = acme.token(other, "demo");
            assertThat(acme.get("/api/v1/billing-runs", Http.bearer(token)).statusCode()).as(other).isEqualTo(403);
            assertThat(start(acme, token, Instant.now().toString()).statusCode()).as(other).isEqualTo(403);
        }
        Http store = Http.host("reseller.acme.localhost");
        assertThat(start(store, store.token("customer@acme.test", "demo"), Instant.now().toString()).statusCode()).isEqualTo(403);

        long acmeId = tenant("acme");
        String periodZero = "SELECT COUNT(*) FROM proceed p JOIN subscription s ON s.tenant_id = p.tenant_id AND s.id = p.subscription_id"
                + " WHERE p.tenant_id = ? AND p.period_start = s.anchor_at AND p.kind <> 'USAGE'";
        String before = TestDatabase.query(periodZero, acmeId).get(0);
        JsonNode run = completed(acme, admin, started(start(acme, admin, Instant.now().toString())));
        assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(run.get("itemsTotal").asInt()).as("the demo's billable subscriptions").isPositive();
        assertProgress(run, demo(acmeId, 8));
        assertThat(TestDatabase.query(periodZero, acmeId)).as("period 0 is the first invoice's, never billed again").containsExactly(before);
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM proceed p JOIN subscription s ON s.id = p.subscription_id"
                + " WHERE p.billing_run_id = ? AND p.period_start = s.anchor_at", run.get("id").asLong())).containsExactly("0");

        long runId = run.get("id").asLong();
        // JBeret's JDBC job repository, in the application's database: the run's execution and its partitions are rows there
        String execution = TestDatabase.query("SELECT job_execution_id FROM billing_run WHERE id = ?", runId).get(0);
        assertThat(TestDatabase.query("SELECT BATCHSTATUS FROM JOB_EXECUTION WHERE JOBEXECUTIONID = ?", Long.parseLong(execution)))
                .containsExactly("COMPLETED");
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM PARTITION_EXECUTION p JOIN STEP_EXECUTION s ON s.STEPEXECUTIONID = p.STEPEXECUTIONID"
                + " WHERE s.JOBEXECUTIONID = ? AND s.STEPNAME = 'proceeds'", Long.parseLong(execution)).get(0)).isNotEqualTo("0");
        assertThat(acme.get("/api/v1/billing-runs", Http.bearer(admin)).body()).contains("\"id\":" + runId);
        String globexAdmin = globex.token("admin@globex.test", "demo");
        assertThat(globex.get("/api/v1/billing-runs/" + runId, Http.bearer(globexAdmin)).statusCode()).as("another tenant's run").isEqualTo(404);
        assertThat(Http.json(globex.get("/api/v1/billing-runs", Http.bearer(globexAdmin))).findValues("id").stream().map(JsonNode::asLong))
                .doesNotContain(runId);
        assertThat(globex.post("/api/v1/billing-runs/" + runId + "/restart", Http.bearer(globexAdmin)).statusCode()).isEqualTo(404);
        assertThat(acme.post("/api/v1/billing-runs/" + runId + "/restart", Http.bearer(admin)).statusCode()).as("a completed run")
                .isEqualTo(409);
    }

    /**
     * Review 13 #3: a run a stopped server left STARTED (faked here on a finished run's rows, billing_run and JBeret's
     * JOB_EXECUTION) no longer blocks its tenant: the next start marks it FAILED, in JBeret's repository too, and starts.
     */
    @Test
    void aRunLeftStartedByAStoppedServerIsMarkedFailedAndTheNextStartGoesOn() {
        String admin = acme.token("admin@acme.test", "demo");
        String past = "2020-01-01T00:00:00Z"; // before every demo subscription: the runs bill nothing
        long stale = started(start(acme, admin, past));
        assertThat(completed(acme, admin, stale).get("status").asText()).isEqualTo("COMPLETED");
        long execution = Long.parseLong(TestDatabase.query("SELECT job_execution_id FROM billing_run WHERE id = ?", stale).get(0));
        TestDatabase.update("UPDATE billing_run SET status = 'STARTED', ended_at = NULL WHERE id = ?", stale);
        TestDatabase.update("UPDATE JOB_EXECUTION SET BATCHSTATUS = 'STARTED', ENDTIME = NULL WHERE JOBEXECUTIONID = ?", execution);
        try {
            long next = started(start(acme, admin, past));
            assertThat(completed(acme, admin, next).get("status").asText()).isEqualTo("COMPLETED");
            JsonNode recovered = Http.json(acme.get("/api/v1/billing-runs/" + stale, Http.bearer(admin)));
            assertThat(recovered.get("status").asText()).as("%s", recovered).isEqualTo("FAILED");
            assertThat(recovered.get("errors").findValues("message")).extracting(JsonNode::asText)
                    .anySatisfy(message -> assertThat(message).startsWith("Left STARTED by a server that stopped"));
            assertThat(TestDatabase.query("SELECT BATCHSTATUS FROM JOB_EXECUTION WHERE JOBEXECUTIONID = ?", execution))
                    .as("its JBeret execution, restartable").containsExactly("FAILED");
        } finally {
            TestDatabase.update("UPDATE billing_run SET status = 'COMPLETED', ended_at = COALESCE(ended_at, started_at) WHERE id = ?"
                    + " AND status IN ('STARTING', 'STARTED')", stale);
        }
    }

    @Test
    void onAMovedClockBothTenantsBillTheirNextPeriodsOnceEachRowOfItsOwnTenant() throws Exception {
        long acmeId = tenant("acme");
        long globexId = tenant("globex");
        // the latest end of a demo subscription's first month, a day later: every monthly one's period 1 has started, and
        // the grace after the hourly one's periods is over
        Instant at = Instant.parse(TestDatabase.query("SELECT DATE_FORMAT(MAX(period_end), '%Y-%m-%dT%H:%i:%sZ') FROM subscription"
                + " WHERE tenant_id IN (?, ?) AND type = 'NORMAL' AND deployment_status IN ('DEPLOYED', 'STOPPED') AND id IN ("
                + String.join(",", demo(acmeId, 8)) + "," + String.join(",", demo(globexId, 7)) + ")", acmeId, globexId).get(0))
                .plus(Duration.ofDays(1));
        List<String> monthly = TestDatabase.query("SELECT CONCAT(id, ' ', DATE_FORMAT(period_end, '%Y-%m-%d %H:%i:%s.%f')) FROM subscription"
                + " WHERE tenant_id = ? AND type = 'NORMAL' AND deployment_status = 'DEPLOYED' AND TIMESTAMPDIFF(DAY, period_start, period_end) >= 28"
                + " AND id IN (" + String.join(",", demo(acmeId, 8)) + ")", acmeId);
        String hourly = TestDatabase.query("SELECT s.id FROM subscription s WHERE s.tenant_id = ? AND s.type = 'NORMAL'"
                + " AND s.deployment_status = 'DEPLOYED' AND TIMESTAMPDIFF(HOUR, s.period_start, s.period_end) = 1 AND s.id IN ("
                + String.join(",", demo(acmeId, 8)) + ")", acmeId).get(0);
        assertThat(monthly).as("acme's monthly demo subscriptions").isNotEmpty();

        // one subscription of globex whose terms cannot be read: its run records it and bills the others
        String broken = TestDatabase.query("SELECT id FROM subscription WHERE tenant_id = ? AND type = 'NORMAL' AND deployment_status = 'STOPPED'"
                + " AND id IN (" + String.join(",", demo(globexId, 7)) + ")", globexId).get(0);
        TestDatabase.update("UPDATE subscription SET prices = '{\"broken\": true}' WHERE id = ?", Long.parseLong(broken));

        // review 13 #6: a DEFERRED seats downgrade (QuantityChanges writes next_extra_resources) of a monthly one with seats:
        // its next period bills the new quantity, and the subscription holds it from then on
        List<String> seated = TestDatabase.query("SELECT CONCAT(id, ' ', extra_resources) FROM subscription WHERE extra_resources LIKE 'seats=%'"
                + " AND id IN (" + String.join(",", monthly.stream().map(row -> row.split(" ")[0]).toList()) + ")");
        assertThat(seated).as("a monthly acme demo subscription with seats").isNotEmpty();
        String downgraded = seated.get(0).split(" ")[0];
        String seatsBefore = seated.get(0).substring(downgraded.length() + 1);
        long fewer = Long.parseLong(seatsBefore.replace("seats=", "")) - 1;
        TestDatabase.update("UPDATE subscription SET next_extra_resources = ? WHERE id = ?", "seats=" + fewer, Long.parseLong(downgraded));

        // review 13 #2: one acme subscription whose proceeds the database refuses, after its plan (and its period advance)
        // was computed: nothing of it may stay, and once the fault is gone a run bills it as a clean run would
        String faultyRow = monthly.stream().filter(row -> !row.startsWith(downgraded + " ")).findFirst().orElseThrow();
        String faulty = faultyRow.split(" ")[0];
        String faultyPeriod = TestDatabase.query("SELECT DATE_FORMAT(period_start, '%Y-%m-%d %H:%i:%s.%f') FROM subscription WHERE id = ?", faulty)
                .get(0);
        TestDatabase.update("CREATE TRIGGER it_billing_fault BEFORE INSERT ON proceed FOR EACH ROW IF NEW.subscription_id = " + faulty
                + " THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected by BillingRunsIT'; END IF");

        Duration offset = Duration.between(Instant.now(), at).plus(Duration.ofMinutes(1));
        List<String> pinnedTrials = TestDatabase.query("SELECT id FROM subscription WHERE type = 'TRIAL' AND trial_ends_at IS NOT NULL");
        List<String> pinnedInvoices = TestDatabase.query("SELECT id FROM invoice WHERE kind = 'INVOICE' AND status = 'UNPAID'");
        pin(pinnedTrials, pinnedInvoices, offset.toSeconds());
        List<Long> runs = new ArrayList<>();
        try {
            ServerClock.move(offset);
            String acmeAdmin = acme.token("admin@acme.test", "demo");
            String globexAdmin = globex.token("admin@globex.test", "demo");

            // acme's run four times at once and globex's beside them: one acme run starts, the others are 409
            ExecutorService threads = Executors.newFixedThreadPool(5);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> acmeStarts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                acmeStarts.add(threads.submit(() -> {
                    go.await();
                    return start(acme, acmeAdmin, at.toString());
                }));
            }
            Future<HttpResponse<String>> globexStart = threads.submit(() -> {
                go.await();
                return start(globex, globexAdmin, at.toString());
            });
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            long acmeRun = 0;
            for (Future<HttpResponse<String>> started : acmeStarts) {
                HttpResponse<String> response = started.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 202) {
                    acmeRun = Http.json(response).get("id").asLong();
                }
            }
            threads.shutdown();
            assertThat(statuses).as("four starts at once").containsExactlyInAnyOrder(202, 409, 409, 409);
            long globexRun = started(globexStart.get());
            runs.add(acmeRun);
            runs.add(globexRun);
            JsonNode acmeDone = completed(acme, acmeAdmin, acmeRun);
            JsonNode globexDone = completed(globex, globexAdmin, globexRun);
            TestDatabase.update("DROP TRIGGER IF EXISTS it_billing_fault");
            assertThat(acmeDone.get("status").asText()).as("%s", acmeDone).isEqualTo("COMPLETED");
            assertThat(globexDone.get("status").asText()).as("%s", globexDone).isEqualTo("COMPLETED");
            List<String> acmeDemo = new ArrayList<>(demo(acmeId, 8));
            acmeDemo.remove(faulty);
            assertProgress(acmeDone, acmeDemo);
            assertThat(acmeDone.get("errors").findValues("subscriptionId")).as("%s", acmeDone).extracting(JsonNode::asText).contains(faulty);
            assertThat(TestDatabase.query("SELECT DATE_FORMAT(period_start, '%Y-%m-%d %H:%i:%s.%f') FROM subscription WHERE id = ?", faulty))
                    .as("a subscription whose proceeds failed keeps its period: its advance rolled back with them").containsExactly(faultyPeriod);
            assertThat(TestDatabase.query("SELECT COUNT(*) FROM purchase_order WHERE subscription_id = ? AND id > ? AND period_start IS NOT NULL",
                    faulty, rows.maxId("purchase_order"))).as("nor its period orders").containsExactly("0");
            long repair = started(start(acme, acmeAdmin, at.toString()));
            runs.add(repair);
            JsonNode repaired = completed(acme, acmeAdmin, repair);
            assertThat(repaired.get("status").asText()).as("%s", repaired).isEqualTo("COMPLETED");
            assertThat(repaired.get("errors").findValues("subscriptionId")).as("%s", repaired).extracting(JsonNode::asText)
                    .doesNotContain(faulty);
            assertThat(TestDatabase.query("SELECT COUNT(*) FROM proceed WHERE subscription_id = ? AND billing_run_id = ? AND kind = 'LICENSE'"
                    + " AND period_start = ?", faulty, repair, faultyRow.substring(faulty.length() + 1)))
                    .as("the faulty one's next period, billed by the next run").containsExactly("1");
            List<String> globexDemo = new ArrayList<>(demo(globexId, 7));
            globexDemo.remove(broken);
            assertProgress(globexDone, globexDemo);
            assertThat(globexDone.get("errors").findValues("subscriptionId")).as("%s", globexDone).extracting(JsonNode::asText)
                    .contains(broken);
            assertThat(TestDatabase.query("SELECT COUNT(*) FROM proceed WHERE subscription_id = ? AND billing_run_id = ?", broken, globexRun))
                    .containsExactly("0");

            for (String row : monthly) {
                String id = row.split(" ")[0];
                String nextStart = row.substring(id.length() + 1);
                assertThat(TestDatabase.query("SELECT CONCAT(p.kind, ' ', o.type, ' ', IF(p.invoice_id IS NULL, 'open', 'invoiced'))"
                        + " FROM proceed p JOIN purchase_order o ON o.id = p.order_id WHERE p.subscription_id = ? AND p.period_start = ?"
                        + " AND p.kind = 'LICENSE'", id, nextStart)).as("subscription %s's license of its second period", id)
                        .singleElement().satisfies(line -> assertThat(line).matches("LICENSE (MONTHLY|RENEWAL) invoiced"));
                assertThat(TestDatabase.query("SELECT DATE_FORMAT(period_start, '%Y-%m-%d %H:%i:%s.%f') FROM subscription WHERE id = ?", id))
                        .as("its current period moved on").containsExactly(nextStart);
            }
            String downgradedNext = monthly.stream().filter(row -> row.startsWith(downgraded + " ")).findFirst().orElseThrow()
                    .substring(downgraded.length() + 1);
            assertThat(TestDatabase.query("SELECT description FROM proceed WHERE subscription_id = ? AND period_start = ? AND kind = 'EXTRA_RESOURCE'",
                    downgraded, downgradedNext)).as("the deferred downgrade billed in the next period")
                    .singleElement().satisfies(description -> assertThat(description).contains(", " + fewer + " seats"));
            assertThat(TestDatabase.query("SELECT CONCAT(extra_resources, ' ', COALESCE(next_extra_resources, 'none')) FROM subscription WHERE id = ?",
                    downgraded)).as("and applied").containsExactly("seats=" + fewer + " none");
            assertThat(TestDatabase.query("SELECT COUNT(*) FROM proceed p JOIN subscription s ON s.id = p.subscription_id"
                    + " WHERE p.subscription_id = ? AND p.kind = 'USAGE' AND p.period_start = s.anchor_at", hourly))
                    .as("the hourly subscription's metered usage of its first period, billed after its end and the grace").containsExactly("1");
            assertThat(TestDatabase.query("SELECT COUNT(*) FROM invoice_line l JOIN proceed p ON p.id = l.proceed_id"
                    + " WHERE p.billing_run_id = ? AND l.tenant_id = ?", acmeRun, acmeId).get(0)).as("acme's new invoice lines")
                    .isNotEqualTo("0");

            // every row of both runs carries its own subscription's tenant
            for (long run : runs) {
                long tenant = run == globexRun ? globexId : acmeId;
                assertThat(TestDatabase.query("SELECT COUNT(*) FROM proceed WHERE billing_run_id = ?", run).get(0)).isNotEqualTo("0");
                assertThat(TestDatabase.query("SELECT COUNT(*) FROM proceed p JOIN subscription s ON s.id = p.subscription_id"
                        + " WHERE p.billing_run_id = ? AND (p.tenant_id <> s.tenant_id OR p.tenant_id <> ?)", run, tenant)).containsExactly("0");
                assertThat(TestDatabase.query("SELECT COUNT(*) FROM invoice i JOIN invoice_line l ON l.invoice_id = i.id"
                        + " JOIN proceed p ON p.id = l.proceed_id JOIN subscription s ON s.id = p.subscription_id"
                        + " WHERE p.billing_run_id = ? AND (i.tenant_id <> s.tenant_id OR l.tenant_id <> s.tenant_id OR i.tenant_id <> ?)",
                        run, tenant)).containsExactly("0");
                assertThat(TestDatabase.query("SELECT COUNT(*) FROM purchase_order o JOIN subscription s ON s.id = o.subscription_id"
                        + " WHERE o.id > ? AND o.period_start IS NOT NULL AND o.tenant_id <> s.tenant_id", rows.maxId("purchase_order")))
                        .containsExactly("0");
                // review 13 #9: never issued overdue, and a renewal's lines never share an invoice (its due date) with others
                assertThat(TestDatabase.query("SELECT DISTINCT i.number FROM invoice i JOIN invoice_line l ON l.invoice_id = i.id"
                        + " JOIN proceed p ON p.id = l.proceed_id WHERE p.billing_run_id = ? AND i.due_at < i.issued_at - INTERVAL 1 MINUTE", run))
                        .as("run %s's invoices due before they were issued", run).isEmpty();
                assertThat(TestDatabase.query("SELECT i.number FROM invoice i JOIN invoice_line l ON l.invoice_id = i.id"
                        + " JOIN proceed p ON p.id = l.proceed_id JOIN purchase_order o ON o.id = p.order_id WHERE p.billing_run_id = ?"
                        + " GROUP BY i.number HAVING COUNT(DISTINCT o.type = 'RENEWAL') > 1", run))
                        .as("run %s's invoices mixing renewal and other lines", run).isEmpty();
            }

            // a re-run at the same instant adds no row
            List<String> counts = counts(acmeId);
            long again = started(start(acme, acmeAdmin, at.toString()));
            runs.add(again);
            assertThat(completed(acme, acmeAdmin, again).get("status").asText()).isEqualTo("COMPLETED");
            assertThat(counts(acmeId)).as("proceeds, orders, invoices, invoice lines after the re-run").isEqualTo(counts);

            Eventually.holds("the runs' invoice mails delivered", Duration.ofSeconds(60), () -> TestDatabase.query(
                    "SELECT COUNT(*) FROM outbox_message WHERE id > ? AND delivered_at IS NULL", rows.maxId("outbox_message")).get(0).equals("0"));
        } finally {
            TestDatabase.update("DROP TRIGGER IF EXISTS it_billing_fault");
            TestDatabase.update("UPDATE subscription SET extra_resources = ?, next_extra_resources = NULL WHERE id = ?", seatsBefore,
                    Long.parseLong(downgraded));
            ServerClock.reset();
            pin(pinnedTrials, pinnedInvoices, -offset.toSeconds());
            TestDatabase.update("UPDATE subscription s JOIN " + rows.subscriptionsTable() + " k ON k.id = s.id SET s.prices = k.prices WHERE s.id = ?",
                    Long.parseLong(broken));
        }
    }

    /** The demo's own subscriptions of a tenant, its first ones (DemoSubscriptionsIT); other ITs' rows may come after. */
    private static List<String> demo(long tenantId, int count) {
        return TestDatabase.query("SELECT id FROM subscription WHERE tenant_id = ? ORDER BY id LIMIT " + count, tenantId);
    }

    /**
     * Every subscription counted is done or the run's error, and none of the demo's is an error (rows other ITs left in
     * the tests' database may be anything).
     */
    private static void assertProgress(JsonNode run, List<String> demo) {
        List<JsonNode> planning = new ArrayList<>();
        run.get("errors").forEach(error -> {
            if (!error.path("message").asText().startsWith("Not invoiced")) {
                planning.add(error);
            }
        });
        assertThat(run.get("itemsDone").asInt() + planning.size()).as("%s", run).isEqualTo(run.get("itemsTotal").asInt());
        assertThat(run.get("errors").findValues("subscriptionId")).as("errors of the demo's subscriptions: %s", run)
                .extracting(JsonNode::asText).doesNotContainAnyElementsOf(demo);
    }

    private static List<String> counts(long tenantId) {
        List<String> counts = new ArrayList<>();
        for (String table : List.of("proceed", "purchase_order", "invoice", "invoice_line")) {
            counts.add(table + " " + TestDatabase.query("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?", tenantId).get(0));
        }
        return counts;
    }

    /**
     * Moves the rows the server's timers would act on by the clock's offset (a trial's end, a first invoice's due date),
     * and back by its negation: on the moved clock they fall due no sooner than on the real one, so the trials and the
     * invoice waiting for payment of the demo stay as they are for the ITs after this one.
     */
    static void pin(List<String> trials, List<String> invoices, long seconds) {
        for (String id : trials) {
            TestDatabase.update("UPDATE subscription SET trial_ends_at = trial_ends_at + INTERVAL ? SECOND WHERE id = ?", seconds, Long.parseLong(id));
        }
        for (String id : invoices) {
            TestDatabase.update("UPDATE invoice SET due_at = due_at + INTERVAL ? SECOND WHERE id = ?", seconds, Long.parseLong(id));
        }
    }

    static long tenant(String slug) {
        return Long.parseLong(TestDatabase.query("SELECT id FROM tenant WHERE slug = ?", slug).get(0));
    }

    private static HttpResponse<String> start(Http host, String token, String at) {
        return host.postJson("/api/v1/billing-runs", "{\"at\":\"" + at + "\"}", Http.bearer(token));
    }

    private static long started(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(202);
        return Http.json(response).get("id").asLong();
    }

    /** The run once its job ended. */
    private static JsonNode completed(Http host, String token, long runId) {
        return Eventually.find("billing run " + runId + " ended", Duration.ofSeconds(120), () -> {
            JsonNode run = Http.json(host.get("/api/v1/billing-runs/" + runId, Http.bearer(token)));
            String status = run.path("status").asText();
            return status.equals("STARTING") || status.equals("STARTED") ? java.util.Optional.empty() : java.util.Optional.of(run);
        });
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Http.json(response).path("field").asText()).as("%s", response.body()).isEqualTo(field);
    }
}
