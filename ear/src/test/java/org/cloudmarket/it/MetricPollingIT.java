package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform polls the vendors' metric endpoints (issue 12, Pull): stub vendors in this JVM on 127.0.0.1 (the
 * tests' server allows local endpoints: -Dcloudmarket.metering.allow-local-endpoints=true in arquillian.xml; the
 * refusal of private addresses is CheckingDnsResolverTest's and PollClientTest's, with a fake resolution). The server
 * polls every 200 ms, takes at most {@link #BATCH} due rows a round and gives up on an answer after 2 s. The tests assert
 * the order of events, not how long they took, so that a loaded machine does not make them fail. Each test makes its own draft product, plan and metrics through the vendor's
 * API, sets the metrics' endpoint and frequency by SQL (the catalog's API for them is the catalog stream's) and
 * writes DEPLOYED subscriptions of the plan as SubscriptionFixtures does; at the end the metrics lose their endpoint
 * and the subscriptions end, so nothing is polled any more.
 */
class MetricPollingIT extends EarIT {

    private static final Duration TIMEOUT = Duration.ofMillis(2000);
    private static final String TIMED_OUT = "no answer within 2000 ms";
    private static final Duration RETRY = Duration.ofMinutes(1);
    /** cloudmarket.metering.poll-batch in arquillian.xml: the due rows a round takes, small so a test can exceed it. */
    private static final int BATCH = 3;
    /** The hanging vendor's cap (cloudmarket.metering.polls-per-vendor, default 2). */
    private static final int CAP = 2;

    private static HttpServer stub;
    private static ExecutorService stubThreads;
    /** Requests each path got, by path: the CD-Subscription-Id and Content-Type headers they carried. */
    private static final Map<String, List<List<String>>> requests = new ConcurrentHashMap<>();

    private final Http acme = Http.host("acme.localhost");
    private final List<Long> metrics = new ArrayList<>();
    private final List<Long> subscriptions = new ArrayList<>();

    @BeforeAll
    static void startStubVendors() throws IOException {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stubThreads = Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, "stub-vendor");
            thread.setDaemon(true);
            return thread;
        });
        stub.setExecutor(stubThreads); // the JDK's default serves one request at a time: a hanging one would block all
        stub.createContext("/", MetricPollingIT::answer);
        stub.start();
    }

    @AfterAll
    static void stopStubVendors() {
        STOPPED.countDown();
        stub.stop(0);
        stubThreads.shutdownNow();
    }

    /** Answers by the path's last part: what the vendor does on its first request, and 200 after. */
    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        List<List<String>> seen = requests.computeIfAbsent(path, key -> new CopyOnWriteArrayList<>());
        seen.add(List.of(String.valueOf(exchange.getRequestHeaders().getFirst("CD-Subscription-Id")),
                String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))));
        boolean first = seen.size() == 1;
        String behaviour = path.substring(path.lastIndexOf('/') + 1);
        try {
            switch (behaviour) {
                case "fails-first" -> respond(exchange, first ? 500 : 200, "{\"value\": 7}");
                case "times-out-first" -> {
                    if (first) {
                        sleep(TIMEOUT.multipliedBy(3));
                    }
                    respond(exchange, 200, "{\"metricsName\": \"slow\", \"value\": 8.5}");
                }
                case "redirects-first" -> {
                    if (first) {
                        exchange.getResponseHeaders().add("Location", path.replace("redirects-first", "fails-first"));
                        respond(exchange, 302, "");
                    } else {
                        respond(exchange, 200, "{\"value\": 9}");
                    }
                }
                case "hangs" -> sleep(TIMEOUT.multipliedBy(5));
                case "prompt" -> respond(exchange, 200, "{\"value\": 5}");
                case "negative" -> respond(exchange, 200, "{\"value\": -1}");
                default -> respond(exchange, 404, "");
            }
        } finally {
            exchange.close();
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    /** Released when the stub vendors stop: a hanging vendor hangs until then, or for {@code duration} at most. */
    private static final java.util.concurrent.CountDownLatch STOPPED = new java.util.concurrent.CountDownLatch(1);

    private static void sleep(Duration duration) {
        try {
            STOPPED.await(duration.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterEach
    void nothingIsPolledAnyMore() {
        metrics.forEach(metric -> TestDatabase.update("UPDATE metric SET endpoint = NULL, frequency = NULL WHERE id = ?", metric));
        subscriptions.forEach(subscription -> TestDatabase.update("UPDATE subscription SET deployment_status = 'UNDEPLOYED' WHERE id = ?",
                subscription));
        Eventually.holds("the ended subscriptions' polls removed", Duration.ofSeconds(10), () -> subscriptions.stream()
                .allMatch(subscription -> TestDatabase.query("SELECT 1 FROM metric_poll WHERE subscription_id = ?", subscription).isEmpty()));
    }

    @Test
    void aFiveHundredATimeoutAndARedirectAreRetriedLaterForTheSameSlotAndCountedOnce() {
        String base = "/" + Unique.suffix() + "/";
        long plan = plan("vendor@acme.test", "errors", "slow", "moved");
        long errors = metric(plan, "errors", base + "fails-first");
        long slow = metric(plan, "slow", base + "times-out-first");
        long moved = metric(plan, "moved", base + "redirects-first");
        long subscription = subscribe(plan);

        // each first attempt fails; the slot stays and is due again a minute later (min(1 min x 2^0, 5 min))
        Map<Long, String> firstErrors = Map.of(errors, "HTTP 500", slow, TIMED_OUT, moved, "redirect refused (HTTP 302)");
        Map<Long, Instant> slots = new java.util.HashMap<>();
        firstErrors.forEach((metric, error) -> {
            Row failed = Eventually.find("the first poll of metric " + metric + " failed", Duration.ofSeconds(20),
                    () -> row(subscription, metric).filter(row -> row.attempts() == 1));
            assertThat(failed.lastError()).isEqualTo(error);
            // a minute after the failure, which came some time after the claim (up to the poll's deadline, more on a
            // loaded machine): under two minutes, the next step of the backoff, and far from the frequency's five
            assertThat(Duration.between(failed.lastPolledAt(), failed.nextPollAt())).isBetween(RETRY, RETRY.multipliedBy(2));
            assertThat(failed.slot()).isBeforeOrEqualTo(failed.lastPolledAt());
            slots.put(metric, failed.slot());
        });
        assertThat(readings(subscription)).as("nothing counted for a failed poll").isEmpty();
        assertThat(requests.get(base + "fails-first")).hasSize(1); // the redirect was not followed

        // the minute passes (the test does not wait for it): the vendors answer now
        TestDatabase.update("UPDATE metric_poll SET next_poll_at = UTC_TIMESTAMP(6) WHERE subscription_id = ?", subscription);
        Eventually.holds("the retried slots' readings", Duration.ofSeconds(20), () -> readings(subscription).size() == 3);
        assertThat(readings(subscription)).containsExactlyInAnyOrder(
                "poll:" + subscription + ":" + errors + ":" + slots.get(errors).getEpochSecond() + " 7.000000 POLL",
                "poll:" + subscription + ":" + slow + ":" + slots.get(slow).getEpochSecond() + " 8.500000 POLL",
                "poll:" + subscription + ":" + moved + ":" + slots.get(moved).getEpochSecond() + " 9.000000 POLL");
        for (long metric : List.of(errors, slow, moved)) {
            Row done = row(subscription, metric).orElseThrow();
            assertThat(done.attempts()).isZero();
            assertThat(done.lastError()).isNull();
            assertThat(done.slot()).as("the next slot, an interval on").isEqualTo(slots.get(metric).plus(Duration.ofMinutes(5)));
        }

        // the same slot polled once more (a commit lost after the vendor answered): still one reading for it
        long sameSlotAgain = requests.get(base + "fails-first").size();
        TestDatabase.update("UPDATE metric_poll SET slot_at = ?, next_poll_at = UTC_TIMESTAMP(6) WHERE subscription_id = ? AND metric_id = ?",
                utc(slots.get(errors)), subscription, errors);
        Eventually.holds("the slot polled again", Duration.ofSeconds(10), () -> row(subscription, errors).orElseThrow().slot()
                .equals(slots.get(errors).plus(Duration.ofMinutes(5))));
        assertThat(requests.get(base + "fails-first")).hasSize((int) sameSlotAgain + 1);
        assertThat(readings(subscription)).hasSize(3);

        // every request named the subscription and sent JSON's content type
        for (String path : List.of("fails-first", "times-out-first", "redirects-first")) {
            assertThat(requests.get(base + path)).isNotEmpty()
                    .allSatisfy(request -> assertThat(request).containsExactly(Long.toString(subscription), "application/json; charset=utf-8"));
        }
    }

    @Test
    void aHangingVendorAtItsCapDoesNotDelayAnotherVendorsPolls() {
        String base = "/" + Unique.suffix() + "/";
        long hangingPlan = plan("vendor@acme.test", "load");
        List<Long> hangingSubscriptions = new ArrayList<>();
        // more due rows than a round takes, even with the cap's running: they must not fill every round's batch; the
        // subscriptions are written before the metric gets its endpoint, so that all their rows are due at once
        int hangingRows = CAP + BATCH * 2 + 1;
        for (int i = 0; i < hangingRows; i++) {
            hangingSubscriptions.add(subscribe(hangingPlan));
        }
        long promptPlan = plan("vendor2@acme.test", "load");
        long promptSubscription = subscribe(promptPlan);
        long hanging = metric(hangingPlan, "load", base + "hangs");

        // Nimbus's endpoint hangs: two polls (its cap) are running, its other rows are due
        Eventually.holds("two of the hanging vendor's polls running", Duration.ofSeconds(10), () -> requests.getOrDefault(base + "hangs",
                List.of()).size() >= 2);
        long prompt = metric(promptPlan, "load", base + "prompt");

        // Orbit's poll is not kept waiting for Nimbus's due rows to be polled (the wait allows for a slow machine; the
        // order of events below is the assertion)
        Instant received = Eventually.find("the other vendor's reading", Duration.ofSeconds(40), () -> TestDatabase.query(
                "SELECT received_at FROM usage_reading WHERE subscription_id = ? AND external_id LIKE 'poll:%'", promptSubscription).stream()
                .findFirst().map(MetricPollingIT::instant));
        assertThat(readings(promptSubscription)).singleElement().asString().endsWith(" 5.000000 POLL").startsWith("poll:" + promptSubscription
                + ":" + prompt + ":");

        // every hanging poll timed out in turn, never more than two at once, two of them while Orbit's was answered
        List<Row> failed = hangingSubscriptions.stream().map(subscription -> Eventually.find("subscription " + subscription
                + "'s poll timed out", Duration.ofSeconds(60), () -> row(subscription, hanging).filter(row -> row.attempts() == 1))).toList();
        assertThat(failed).allSatisfy(row -> assertThat(row.lastError()).isEqualTo(TIMED_OUT));
        List<Instant[]> running = failed.stream().map(row -> new Instant[] {row.lastPolledAt(), row.nextPollAt().minus(RETRY)}).toList();
        assertThat(mostAtOnce(running)).as("the hanging vendor's polls running at once (its cap is 2)").isEqualTo(2);
        assertThat(running.stream().filter(poll -> !poll[0].isAfter(received) && poll[1].isAfter(received)).count())
                .as("hanging polls running when the other vendor's reading was kept").isBetween(1L, (long) CAP);
        // the rows taken ORDER BY next_poll_at filled each round with Nimbus's rows until fewer than a batch were
        // left (7 of 9 started); a round takes at most the cap's rows of a vendor, so Orbit's goes in the first round
        // after it is scheduled, while Nimbus's first two hang (one more pair allowed: a loaded machine's slow round)
        assertThat(running.stream().filter(poll -> !poll[0].isAfter(received)).count())
                .as("hanging polls started before the other vendor's reading was kept").isLessThanOrEqualTo(CAP * 2L);
        assertThat(requests.get(base + "prompt")).singleElement()
                .satisfies(request -> assertThat(request.get(0)).isEqualTo(Long.toString(promptSubscription)));
    }

    @Test
    void aValueTheRulesRefuseIsRecordedOnceAndTheSlotMovesOn() {
        String base = "/" + Unique.suffix() + "/";
        long plan = plan("vendor@acme.test", "load");
        long negative = metric(plan, "load", base + "negative");
        long subscription = subscribe(plan);

        // the vendor answers -1: refused (NEGATIVE_VALUE), and asking again for that slot would get the same refusal
        Row refused = Eventually.find("the refused poll", Duration.ofSeconds(20), () -> row(subscription, negative)
                .filter(row -> row.lastError() != null));
        assertThat(refused.lastError()).startsWith("reading refused: NEGATIVE_VALUE");
        assertThat(refused.attempts()).as("not a failure to retry").isZero();
        assertThat(refused.slot()).as("the next slot").isAfter(refused.lastPolledAt()).isEqualTo(refused.nextPollAt());
        assertThat(TestDatabase.query("SELECT code FROM usage_refusal WHERE subscription_id = ?", subscription)).containsExactly("NEGATIVE_VALUE");
        assertThat(readings(subscription)).isEmpty();
        assertThat(requests.get(base + "negative")).hasSize(1);
    }

    /** The largest number of the intervals [start, end) that overlap at one instant. */
    private static int mostAtOnce(List<Instant[]> intervals) {
        int most = 0;
        for (Instant[] probe : intervals) {
            int atOnce = (int) intervals.stream().filter(other -> !other[0].isAfter(probe[0]) && other[1].isAfter(probe[0])).count();
            most = Math.max(most, atOnce);
        }
        return most;
    }

    /** A draft product of the vendor with one plan and a GAUGE metric per code; the plan's id. */
    private long plan(String vendor, String... codes) {
        String token = acme.token(vendor, "demo");
        HttpResponse<String> product = acme.postJson("/api/v1/products", "{\"name\":\"Polled " + Unique.suffix()
                + "\",\"summary\":\"A polled test product\",\"trialDays\":0,\"tags\":[\"test\"]}", Http.bearer(token));
        assertThat(product.statusCode()).as("%s", product.body()).isEqualTo(201);
        long productId = Http.json(product).get("id").asLong();
        HttpResponse<String> plan = acme.postJson("/api/v1/products/" + productId + "/plans",
                "{\"name\":\"Metered\",\"licensePrice\":1.00,\"billingFrequency\":1,\"billingUnit\":\"MONTHS\"}", Http.bearer(token));
        assertThat(plan.statusCode()).as("%s", plan.body()).isEqualTo(201);
        long planId = Http.json(plan).get("plans").get(0).get("id").asLong();
        for (String code : codes) {
            HttpResponse<String> metric = acme.postJson("/api/v1/products/" + productId + "/plans/" + planId + "/metrics",
                    "{\"code\":\"" + code + "\",\"name\":\"" + code + "\",\"unit\":\"jobs\",\"kind\":\"GAUGE\",\"aggregation\":\"AVERAGE\","
                            + "\"unitPrice\":0.01}", Http.bearer(token));
            assertThat(metric.statusCode()).as("%s", metric.body()).isEqualTo(201);
        }
        return planId;
    }

    /** The metric's endpoint on the stub, polled every five minutes (set by SQL: the catalog's API does not take them yet). */
    private long metric(long plan, String code, String path) {
        long metric = Long.parseLong(SubscriptionFixtures.one("SELECT id FROM metric WHERE plan_id = ? AND code = ?", plan, code));
        TestDatabase.update("UPDATE metric SET endpoint = ?, frequency = 'EVERY_5_MINUTES' WHERE id = ?",
                "http://127.0.0.1:" + stub.getAddress().getPort() + path, metric);
        metrics.add(metric);
        return metric;
    }

    /** A DEPLOYED subscription of the plan for Cloudy's demo customer, as SubscriptionFixtures writes one (order and subscription). */
    private long subscribe(long plan) {
        String tenant = SubscriptionFixtures.one("SELECT id FROM tenant WHERE slug = 'acme'");
        String customer = SubscriptionFixtures.one("SELECT organization_id FROM app_user WHERE email = 'cloudy-customer@acme.test'");
        String placedBy = SubscriptionFixtures.one("SELECT id FROM app_user WHERE email = 'cloudy-customer@acme.test'");
        String seller = SubscriptionFixtures.one("SELECT id FROM organization WHERE tenant_id = ? AND name = 'Cloudy Partners'", tenant);
        String storefront = SubscriptionFixtures.one("SELECT storefront_id FROM storefront_host WHERE host = 'cloudy.acme.localhost'");
        String product = SubscriptionFixtures.one("SELECT product_id FROM plan WHERE id = ?", plan);
        String vendor = SubscriptionFixtures.one("SELECT vendor_id FROM product WHERE id = ?", product);
        String marker = "polled-" + Unique.suffix();
        TestDatabase.update("INSERT INTO purchase_order (tenant_id, type, status, source, customer_id, seller_id, storefront_id, vendor_id,"
                        + " product_id, plan_id, placed_by, duration, extra_resources, currency, marketplace_currency, start_at,"
                        + " decision_reason, total, created_at, version) VALUES (?, 'NORMAL', 'PAID', 'PULL', ?, ?, ?, ?, ?, ?, ?, 1, '', 'EUR',"
                        + " 'EUR', UTC_TIMESTAMP(6), ?, 0, UTC_TIMESTAMP(6), 1)",
                tenant, customer, seller, storefront, vendor, product, plan, placedBy, marker);
        String order = SubscriptionFixtures.one("SELECT id FROM purchase_order WHERE tenant_id = ? AND decision_reason = ?", tenant, marker);
        TestDatabase.update("INSERT INTO subscription (tenant_id, type, deployment_status, customer_id, seller_id, storefront_id, vendor_id,"
                        + " product_id, plan_id, order_id, currency, prices, extra_resources, duration, anchor_at, window_start, period_start,"
                        + " period_end, ends_at, auto_renew, trial_ends_at, trial_converts, paid, created_at, version)"
                        + " VALUES (?, 'NORMAL', 'DEPLOYED', ?, ?, ?, ?, ?, ?, ?, 'EUR', ?, '', 1, TIMESTAMPADD(DAY, -1, UTC_TIMESTAMP(6)),"
                        + " TIMESTAMPADD(DAY, -1, UTC_TIMESTAMP(6)), TIMESTAMPADD(DAY, -1, UTC_TIMESTAMP(6)), TIMESTAMPADD(DAY, 29, UTC_TIMESTAMP(6)),"
                        + " TIMESTAMPADD(DAY, 29, UTC_TIMESTAMP(6)), TRUE, NULL, FALSE, TRUE, TIMESTAMPADD(MINUTE, -1, UTC_TIMESTAMP(6)), 1)",
                tenant, customer, seller, storefront, vendor, product, plan, order, SubscriptionFixtures.snapshot("Metered", "1.00", null));
        long subscription = Long.parseLong(SubscriptionFixtures.one("SELECT id FROM subscription WHERE tenant_id = ? AND order_id = ?",
                tenant, order));
        TestDatabase.update("UPDATE purchase_order SET subscription_id = ? WHERE id = ?", subscription, order);
        subscriptions.add(subscription);
        return subscription;
    }

    /** A row of metric_poll as the server keeps it. */
    private record Row(Instant slot, Instant nextPollAt, int attempts, Instant lastPolledAt, String lastError) {
    }

    private static Optional<Row> row(long subscription, long metric) {
        List<String> found = TestDatabase.query("SELECT CONCAT_WS('|', slot_at, next_poll_at, attempts, IFNULL(last_polled_at, ''),"
                + " IFNULL(last_error, '')) FROM metric_poll WHERE subscription_id = ? AND metric_id = ?", subscription, metric);
        return found.stream().findFirst().map(text -> text.split("\\|", -1)).map(columns -> new Row(instant(columns[0]), instant(columns[1]),
                Integer.parseInt(columns[2]), columns[3].isEmpty() ? null : instant(columns[3]), columns[4].isEmpty() ? null : columns[4]));
    }

    /** The subscription's kept readings: "id value source". */
    private static List<String> readings(long subscription) {
        return TestDatabase.query("SELECT CONCAT_WS(' ', external_id, value, source) FROM usage_reading WHERE subscription_id = ?", subscription);
    }

    /** A DATETIME column read as text, in UTC. */
    private static Instant instant(String text) {
        return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
