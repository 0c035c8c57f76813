package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Usage in and out (issue 12): POST /usage as the vendor of Nimbus Desk (acme, Nimbus Software) for fresh customers'
 * subscriptions (SubscriptionFixtures; their life moved back to the period's start so past hours take readings), and
 * GET /subscriptions/{id}/usage, which folds the readings first. Desk's "Pay per user" plan has the gauge {@code users},
 * its "Team" plan the counter {@code tickets}.
 */
class UsageApiIT extends EarIT {

    private final Http acme = Http.host("acme.localhost");
    private final Http cloudy = Http.host("cloudy.acme.localhost");
    private final Http globex = Http.host("globex.localhost");
    /** Five whole hours ago: the readings' hours are in the past, in the open period. */
    private final Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(5));

    @Test
    void theSameBatchSentTwiceCountsOnceAndLeavesTheHoursAsTheyWere() {
        long id = desk("Pay per user");
        String batch = batch(reading(id, "users", "3", base.plusSeconds(600)), reading(id, "users", "5", base.plusSeconds(4200)),
                reading(id, "users", "4", base.plusSeconds(8000)));
        String vendor = token("vendor@acme.test");

        assertThat(statuses(take(batch, vendor))).containsExactly("ACCEPTED", "ACCEPTED", "ACCEPTED");
        String hours = usage(id, "users", vendor).get("points").toString();

        assertThat(statuses(take(batch, vendor))).containsExactly("DUPLICATE", "DUPLICATE", "DUPLICATE");
        assertThat(usage(id, "users", vendor).get("points").toString()).as("the hours after the batch came again").isEqualTo(hours);
        assertThat(count("SELECT COUNT(*) FROM usage_reading WHERE subscription_id = ?", id)).isEqualTo(3);
    }

    @Test
    void aReadingSentAgainInsideAnotherBatchIsADuplicate() {
        long id = desk("Pay per user");
        String vendor = token("vendor@acme.test");
        String first = reading(id, "users", "2", base.plusSeconds(60));
        String again = reading(id, "users", "6", base.plusSeconds(120));

        assertThat(statuses(take(batch(first, again), vendor))).containsExactly("ACCEPTED", "ACCEPTED");
        assertThat(statuses(take(batch(reading(id, "users", "1", base.plusSeconds(180)), again), vendor))).containsExactly("ACCEPTED", "DUPLICATE");
        assertThat(statuses(take(batch(again, again), vendor))).as("twice in one batch").containsExactly("DUPLICATE", "DUPLICATE");
        assertThat(count("SELECT COUNT(*) FROM usage_reading WHERE subscription_id = ?", id)).isEqualTo(3);
    }

    @Test
    void oneBadReadingNeverDropsTheGoodOnesBesideItAndEachRefusalSaysWhy() {
        long id = desk("Pay per user");
        String vendor = token("vendor@acme.test");
        String missingValue = "{\"id\":\"" + UUID.randomUUID() + "\",\"subscriptionId\":" + id + ",\"metric\":\"users\",\"at\":\"" + base + "\"}";

        JsonNode results = take(batch(reading(id, "users", "3", base.plusSeconds(60)), reading(id, "users", "-1", base.plusSeconds(120)),
                reading(id, "tickets", "3", base.plusSeconds(180)), reading(999_999_999L, "users", "3", base.plusSeconds(240)), missingValue,
                reading(id, "users", "3", Instant.now().plus(Duration.ofHours(1))), reading(id, "users", "7", base.plusSeconds(300))), vendor);

        assertThat(statuses(results)).containsExactly("ACCEPTED", "REFUSED", "REFUSED", "REFUSED", "REFUSED", "REFUSED", "ACCEPTED");
        assertThat(codes(results)).containsExactly("", "NEGATIVE_VALUE", "UNKNOWN_METRIC", "UNKNOWN_SUBSCRIPTION", "INVALID", "OUTSIDE_LIFE", "");
        assertThat(results.get(1).get("reason").asText()).isNotBlank();
        assertThat(count("SELECT COUNT(*) FROM usage_reading WHERE subscription_id = ?", id)).isEqualTo(2);
        assertThat(TestDatabase.query("SELECT code FROM usage_refusal WHERE external_id = ?", results.get(1).get("id").asText()))
                .as("kept for the vendor's back-office").containsExactly("NEGATIVE_VALUE");
    }

    @Test
    void idsDifferingOnlyInCaseAreTwoReadingsAndAnIdWithATrailingSpaceIsRefused() {
        long id = desk("Pay per user");
        String vendor = token("vendor@acme.test");
        String key = "Rd-" + UUID.randomUUID();
        String upper = reading(id, "users", "1", base.plusSeconds(60)).replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"" + key + "\"");
        String lower = reading(id, "users", "2", base.plusSeconds(120)).replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"" + key.toLowerCase() + "\"");
        String spaced = reading(id, "users", "3", base.plusSeconds(180)).replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"" + key + " \"");

        JsonNode results = take(batch(upper, lower, spaced), vendor);

        assertThat(statuses(results)).containsExactly("ACCEPTED", "ACCEPTED", "REFUSED");
        assertThat(codes(results)).as("a trailing space would compare equal in the database").containsExactly("", "", "INVALID");
        assertThat(count("SELECT COUNT(*) FROM usage_reading WHERE subscription_id = ?", id)).isEqualTo(2);
    }

    @Test
    void aFieldOfTheWrongJsonTypeRefusesItsReadingAloneAndANumericIdIsTaken() {
        long id = desk("Pay per user");
        String vendor = token("vendor@acme.test");
        String textSubscription = "{\"id\":\"" + UUID.randomUUID() + "\",\"subscriptionId\":\"x\",\"metric\":\"users\",\"value\":1,\"at\":\"" + base + "\"}";
        String textValue = "{\"id\":\"" + UUID.randomUUID() + "\",\"subscriptionId\":" + id + ",\"metric\":\"users\",\"value\":\"many\",\"at\":\"" + base + "\"}";
        String numericId = "{\"id\":" + Math.abs(UUID.randomUUID().getMostSignificantBits()) + ",\"subscriptionId\":" + id
                + ",\"metric\":\"users\",\"value\":4,\"at\":\"" + base.plusSeconds(30) + "\"}";

        JsonNode results = take(batch(textSubscription, textValue, numericId, reading(id, "users", "5", base.plusSeconds(90))), vendor);

        assertThat(statuses(results)).containsExactly("REFUSED", "REFUSED", "ACCEPTED", "ACCEPTED");
        assertThat(codes(results)).containsExactly("INVALID", "INVALID", "", "");
    }

    /**
     * Second review 12 (a): a number of a billion digits is a few bytes of JSON. Written out in full (toPlainString) an
     * id of 1e999999999 or a refused value of 1e999999999 would take gigabytes of the server's memory; an id whose plain
     * form is longer than an id may be reads as missing, and a refused value is kept as written (1E+999999999).
     */
    @Test
    void anIdOrAValueOfABillionDigitsIsRefusedWithoutBeingWrittenOut() {
        long id = desk("Pay per user");
        String vendor = token("vendor@acme.test");
        String valueId = "huge-" + UUID.randomUUID();
        String hugeId = "{\"id\":1e999999999,\"subscriptionId\":" + id + ",\"metric\":\"users\",\"value\":1,\"at\":\"" + base + "\"}";
        String tinyId = "{\"id\":1e-999999999,\"subscriptionId\":" + id + ",\"metric\":\"users\",\"value\":1,\"at\":\"" + base + "\"}";
        String hugeValue = "{\"id\":\"" + valueId + "\",\"subscriptionId\":" + id + ",\"metric\":\"users\",\"value\":1e999999999,\"at\":\""
                + base + "\"}";

        long started = System.nanoTime();
        JsonNode results = take(batch(hugeId, tinyId, hugeValue, reading(id, "users", "5", base.plusSeconds(90))), vendor);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered at once").isLessThan(Duration.ofSeconds(10));
        assertThat(statuses(results)).containsExactly("REFUSED", "REFUSED", "REFUSED", "ACCEPTED");
        assertThat(codes(results)).containsExactly("INVALID", "INVALID", "INVALID", "");
        assertThat(results.get(0).get("reason").asText()).contains("id");
        assertThat(results.get(2).get("reason").asText()).contains("digits");
        assertThat(TestDatabase.query("SELECT value FROM usage_refusal WHERE subscription_id = ? AND external_id = ?", id, valueId))
                .as("the refused value as sent, not a billion digits").containsExactly("1E+999999999");
    }

    @Test
    void aCounterLowerThanAnotherReadingOfTheSameInstantWentDown() {
        long id = desk("Team");
        String vendor = token("vendor@acme.test");
        Instant at = base.plusSeconds(900);
        take(batch(reading(id, "tickets", "9", at)), vendor);

        JsonNode results = take(batch(reading(id, "tickets", "8", at), reading(id, "tickets", "9", at), reading(id, "tickets", "4", at.plusSeconds(1))), vendor);

        assertThat(codes(results)).as("equal is no decrease; a lower value an instant later is a reset").containsExactly("COUNTER_WENT_DOWN", "", "");
    }

    @Test
    void aVendorIsRefusedOnAnotherVendorsSubscription() {
        long id = desk("Pay per user");

        JsonNode results = take(batch(reading(id, "users", "3", base.plusSeconds(60))), token("vendor2@acme.test"));

        assertThat(codes(results)).as("Orbit Labs on Nimbus Software's subscription").containsExactly("NOT_YOUR_SUBSCRIPTION");
        assertThat(count("SELECT COUNT(*) FROM usage_reading WHERE subscription_id = ?", id)).isZero();
    }

    @Test
    void globexsVendorAndStaffFindNoSubscriptionOfAcmeAndOtherRolesMaySendNothing() {
        long id = desk("Pay per user");
        String batch = batch(reading(id, "users", "3", base.plusSeconds(60)));

        for (String globexUser : List.of("vendor@globex.test", "admin@globex.test")) {
            HttpResponse<String> answer = globex.postJson("/api/v1/usage", batch, Http.bearer(globex.token(globexUser, "demo")));
            assertThat(answer.statusCode()).as("%s: %s", globexUser, answer.body()).isEqualTo(200);
            assertThat(codes(Http.json(answer).get("results"))).as(globexUser).containsExactly("UNKNOWN_SUBSCRIPTION");
        }
        assertThat(count("SELECT COUNT(*) FROM usage_reading WHERE subscription_id = ?", id)).isZero();
        HttpResponse<String> customer = cloudy.postJson("/api/v1/usage", batch, Http.bearer(cloudy.token(SignUpIT.newCustomer(cloudy),
                SignUpIT.PASSWORD)));
        assertThat(customer.statusCode()).as("a customer: %s", customer.body()).isEqualTo(403);
        assertThat(statuses(take(batch, token("supervisor@acme.test")))).as("the tenant's staff").containsExactly("ACCEPTED");
    }

    @Test
    void aBatchHoldsOneToAThousandReadings() {
        long id = desk("Pay per user");
        String vendor = token("vendor@acme.test");
        String[] tooMany = IntStream.range(0, 1001).mapToObj(i -> reading(id, "users", "1", base.plusSeconds(i))).toArray(String[]::new);

        for (String body : List.of("{\"readings\":[]}", "{}", batch(tooMany))) {
            HttpResponse<String> answer = acme.postJson("/api/v1/usage", body, Http.bearer(vendor));
            assertThat(answer.statusCode()).as("%s", answer.body()).isEqualTo(422);
            assertThat(answer.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
            assertThat(Http.json(answer).get("field").asText()).isEqualTo("readings");
        }
    }

    @Test
    void twoParallelIdenticalBatchesAcceptEachReadingExactlyOnce() throws Exception {
        long id = desk("Pay per user");
        String vendor = token("vendor@acme.test");
        String batch = batch(IntStream.range(0, 500).mapToObj(i -> reading(id, "users", String.valueOf(i % 7), base.plusSeconds(i * 7L)))
                .toArray(String[]::new));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<JsonNode>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return take(batch, vendor);
                }));
            }
            start.countDown();
            Map<String, List<String>> byId = new HashMap<>();
            for (Future<JsonNode> answer : answers) {
                answer.get().forEach(result -> byId.computeIfAbsent(result.get("id").asText(), key -> new ArrayList<>())
                        .add(result.get("status").asText()));
            }
            assertThat(byId).hasSize(500);
            assertThat(byId.values()).allSatisfy(statuses -> assertThat(statuses).containsExactlyInAnyOrder("ACCEPTED", "DUPLICATE"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT COUNT(*) FROM usage_reading WHERE subscription_id = ?", id)).isEqualTo(500);
    }

    @Test
    void aCounterThatWentDownWasResetAndItsNewValueCountsAsAnIncrease() {
        long id = desk("Team");
        String vendor = token("vendor@acme.test");
        take(batch(reading(id, "tickets", "10", base.plusSeconds(600)), reading(id, "tickets", "25", base.plusSeconds(4200)),
                reading(id, "tickets", "5", base.plusSeconds(7800))), vendor);

        JsonNode usage = usage(id, "tickets", vendor);

        assertThat(usage.get("kind").asText()).isEqualTo("COUNTER");
        assertThat(usage.get("points")).hasSize(5);
        assertThat(decimals(usage, "increase")).as("from 0: +10, +15, reset to 5: +5").containsExactly("10", "15", "5", "0", "0");
    }

    @Test
    void aReadingInAPeriodClosedForUsageIsRefused() {
        long id = desk("Pay per user");
        // its first period started 70 days ago: it ended weeks ago, far beyond the grace (2 hours)
        TestDatabase.update("UPDATE subscription SET anchor_at = TIMESTAMPADD(DAY, -70, UTC_TIMESTAMP(6)), created_at = TIMESTAMPADD(DAY, -70,"
                + " UTC_TIMESTAMP(6)) WHERE id = ?", id);
        Instant inFirstPeriod = Instant.now().minus(Duration.ofDays(60));

        JsonNode results = take(batch(reading(id, "users", "3", inFirstPeriod), reading(id, "users", "3", base)), token("vendor@acme.test"));

        assertThat(codes(results)).containsExactly("PERIOD_CLOSED", "");
    }

    @Test
    void aLateGaugeReadingRecomputesItsHourAndTheHourOfTheNextReadingOnly() {
        long id = desk("Pay per user");
        String vendor = token("vendor@acme.test");
        take(batch(reading(id, "users", "2", base), reading(id, "users", "4", base.plus(Duration.ofMinutes(150)))), vendor);
        List<String> before = decimals(usage(id, "users", vendor), "average");

        assertThat(statuses(take(batch(reading(id, "users", "10", base.plus(Duration.ofMinutes(75)))), vendor))).containsExactly("ACCEPTED");
        List<String> after = decimals(usage(id, "users", vendor), "average");

        // hour 0: 2; hour 1: 2, then 10 from :15; hour 2: 2 (now 10) until :30, then 4; hours 3 and 4 carry 4
        assertThat(before).containsExactly("2", "2", "3", "4", "4");
        assertThat(after).containsExactly("2", "8", "7", "4", "4");
    }

    @Test
    void theUsageIsReadByTheSubscriptionsPartiesOnlyAndItsRangeIsBounded() {
        String customer = SignUpIT.newCustomer(cloudy);
        long id = desk("Pay per user", customer);
        take(batch(reading(id, "users", "3", base)), token("vendor@acme.test"));
        String path = "/api/v1/subscriptions/" + id + "/usage?metric=users";

        for (String party : List.of("vendor@acme.test", "reseller2@acme.test", "distributor2@acme.test", "admin@acme.test")) {
            assertThat(acme.get(path, Http.bearer(token(party))).statusCode()).as(party).isEqualTo(200);
        }
        assertThat(cloudy.get(path, Http.bearer(cloudy.token(customer, SignUpIT.PASSWORD))).statusCode()).as("its customer").isEqualTo(200);
        String other = SignUpIT.newCustomer(cloudy);
        assertThat(cloudy.get(path, Http.bearer(cloudy.token(other, SignUpIT.PASSWORD))).statusCode()).as("another customer").isEqualTo(404);
        assertThat(acme.get(path, Http.bearer(token("vendor2@acme.test"))).statusCode()).as("another vendor").isEqualTo(404);
        assertThat(acme.get(path, Http.bearer(token("reseller@acme.test"))).statusCode()).as("another reseller").isEqualTo(404);
        assertThat(globex.get(path, Http.bearer(globex.token("admin@globex.test", "demo"))).statusCode()).as("another tenant").isEqualTo(404);

        String admin = token("admin@acme.test");
        Map<String, String> bad = Map.of(
                path + "&from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z", "from",
                path + "&granularity=DAY&from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from",
                path + "&from=yesterday", "from",
                path + "&granularity=WEEK", "granularity",
                "/api/v1/subscriptions/" + id + "/usage?metric=nope", "metric");
        bad.forEach((query, field) -> {
            HttpResponse<String> answer = acme.get(query, Http.bearer(admin));
            assertThat(answer.statusCode()).as("%s: %s", query, answer.body()).isEqualTo(422);
            assertThat(Http.json(answer).get("field").asText()).as(query).isEqualTo(field);
        });
        JsonNode days = Http.json(acme.get(path + "&granularity=DAY&from=" + base.minus(Duration.ofDays(3)), Http.bearer(admin)));
        assertThat(days.get("granularity").asText()).isEqualTo("DAY");
        assertThat(days.get("points").size()).isBetween(4, 5);
    }

    @Test
    void theTimerFoldsWhatNobodyAsksFor() {
        long id = desk("Pay per user");
        take(batch(reading(id, "users", "3", base)), token("vendor@acme.test"));

        Eventually.holds("the hour folded without a read", Duration.ofSeconds(30),
                () -> count("SELECT COUNT(*) FROM usage_hour WHERE subscription_id = ?", id) == 1
                        && count("SELECT COUNT(*) FROM usage_series WHERE subscription_id = ? AND dirty_from IS NULL", id) == 1);
    }

    @Test
    void aTrialTurningPaidResetsItsCounters() {
        String email = SignUpIT.newCustomer(cloudy);
        long id = SubscriptionFixtures.cloudy(email, "Nimbus Desk", new SubscriptionFixtures.Spec("TRIAL", "DEPLOYED", "Team",
                SubscriptionFixtures.snapshot("Team", "49.00", null), "", 240, true));
        // nothing of the server has read it yet: the trial's end moved here is the one the timer reads
        TestDatabase.update("UPDATE subscription SET created_at = anchor_at, trial_ends_at = TIMESTAMPADD(MINUTE, -1, UTC_TIMESTAMP(6))"
                + " WHERE id = ?", id);

        Eventually.holds("the trial converted", Duration.ofSeconds(30),
                () -> SubscriptionFixtures.one("SELECT type FROM subscription WHERE id = ?", id).equals("NORMAL"));
        assertThat(TestDatabase.query("SELECT CONCAT(external_id, ' ', source, ' ', FORMAT(value, 0)) FROM usage_reading WHERE subscription_id = ?"
                + " AND source = 'RESET'", id)).containsExactly("reset:" + id + ":tickets RESET 0");
    }

    /** A subscription of Nimbus Desk's plan for a new customer of Cloudy's, DEPLOYED, living since its period's start. */
    private long desk(String plan) {
        return desk(plan, SignUpIT.newCustomer(cloudy));
    }

    private long desk(String plan, String email) {
        long id = SubscriptionFixtures.cloudy(email, "Nimbus Desk", new SubscriptionFixtures.Spec("NORMAL", "DEPLOYED", plan,
                SubscriptionFixtures.snapshot(plan, "0.00", null), "", null, false));
        TestDatabase.update("UPDATE subscription SET created_at = anchor_at WHERE id = ?", id);
        return id;
    }

    private String token(String email) {
        return acme.token(email, "demo");
    }

    private JsonNode take(String batch, String token) {
        HttpResponse<String> answer = acme.postJson("/api/v1/usage", batch, Http.bearer(token));
        assertThat(answer.statusCode()).as("%s", answer.body()).isEqualTo(200);
        return Http.json(answer).get("results");
    }

    /** The hours from {@link #base} for five hours. */
    private JsonNode usage(long id, String metric, String token) {
        HttpResponse<String> answer = acme.get("/api/v1/subscriptions/" + id + "/usage?metric=" + metric + "&from=" + base + "&to="
                + base.plus(Duration.ofHours(5)), Http.bearer(token));
        assertThat(answer.statusCode()).as("%s", answer.body()).isEqualTo(200);
        return Http.json(answer);
    }

    private static String reading(long subscriptionId, String metric, String value, Instant at) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"subscriptionId\":" + subscriptionId + ",\"metric\":\"" + metric + "\",\"value\":" + value
                + ",\"at\":\"" + at + "\"}";
    }

    private static String batch(String... readings) {
        return "{\"readings\":[" + String.join(",", readings) + "]}";
    }

    private static List<String> statuses(JsonNode results) {
        List<String> statuses = new ArrayList<>();
        results.forEach(result -> statuses.add(result.get("status").asText()));
        return statuses;
    }

    /** The refusals' codes, "" for a reading not refused. */
    private static List<String> codes(JsonNode results) {
        List<String> codes = new ArrayList<>();
        results.forEach(result -> codes.add(result.hasNonNull("code") ? result.get("code").asText() : ""));
        return codes;
    }

    private static List<String> decimals(JsonNode usage, String field) {
        List<String> values = new ArrayList<>();
        usage.get("points").forEach(point -> values.add(new BigDecimal(point.get(field).asText()).stripTrailingZeros().toPlainString()));
        return values;
    }

    private static long count(String sql, Object... parameters) {
        return Long.parseLong(SubscriptionFixtures.one(sql, parameters));
    }
}
