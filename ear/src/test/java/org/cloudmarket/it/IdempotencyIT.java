package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cloudmarket.it.ClientDecimalsIT.assertProblem;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: {@code Idempotency-Key} on the API's POSTs, proven on one that creates a row (a coupon,
 * whose code is unique, so a POST that ran twice would show as a second row or a 409 on
 * {@code code}). A key is the caller's, the tenant's and the path's; its retries replay the first
 * answer. Every coupon here has a code of its own (prefix {@link #PREFIX}) and is deleted after.
 */
class IdempotencyIT extends EarIT {

    private static final String PREFIX = "IDEMPOTENT-";
    private static final String REPLAYED = "Idempotent-Replayed";

    private final Http acme = Http.host("acme.localhost");
    private final Http globex = Http.host("globex.localhost");

    @AfterAll
    static void deleteTheCouponsAndKeys() {
        TestDatabase.update("DELETE FROM coupon WHERE code LIKE ?", PREFIX + "%");
        TestDatabase.update("DELETE FROM idempotency_key WHERE idem_key LIKE ?", "it-%");
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAgainAndCreatesNothing() {
        String admin = acme.token("admin@acme.test", "demo");
        String code = code();
        String key = key();

        HttpResponse<String> first = issue(acme, admin, key, coupon(code, 5));
        HttpResponse<String> retry = issue(acme, admin, key, coupon(code, 5));

        assertThat(first.statusCode()).as("%s", first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue(REPLAYED)).isEmpty();
        assertThat(retry.statusCode()).as("%s", retry.body()).isEqualTo(201);
        assertThat(retry.headers().firstValue(REPLAYED)).contains("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue("Content-Type"));
        assertThat(couponRows(code)).isEqualTo(1);
        assertThat(acme.get("/api/v1/coupons", Http.bearer(admin)).body()).containsOnlyOnce(code);
        assertThat(TestDatabase.query("SELECT CONCAT(status, ' ', response_status, ' ', path) FROM idempotency_key WHERE idem_key = ?", key))
                .containsExactly("DONE 201 /api/v1/coupons");
    }

    @Test
    void theKeyWithAnotherBodyOrAMalformedKeyIs422NamingTheHeader() {
        String admin = acme.token("admin@acme.test", "demo");
        String key = key();
        assertThat(issue(acme, admin, key, coupon(code(), 5)).statusCode()).isEqualTo(201);
        String other = code();

        assertProblem(issue(acme, admin, key, coupon(other, 5)), "Idempotency-Key");
        assertProblem(issue(acme, admin, "with space", coupon(other, 5)), "Idempotency-Key");
        assertProblem(issue(acme, admin, "k".repeat(256), coupon(other, 5)), "Idempotency-Key");
        assertThat(couponRows(other)).as("nothing ran").isZero();
    }

    @Test
    void aKeyIsTheCallersAndTheTenantsOwn() {
        String key = key();
        String code = code();
        HttpResponse<String> admins = issue(acme, acme.token("admin@acme.test", "demo"), key, coupon(code, 5));
        assertThat(admins.statusCode()).as("%s", admins.body()).isEqualTo(201);

        String resellersCode = code();
        HttpResponse<String> resellers = issue(acme, acme.token("reseller@acme.test", "demo"), key, coupon(resellersCode, 5));
        HttpResponse<String> globexs = issue(globex, globex.token("admin@globex.test", "demo"), key, coupon(code, 5));

        assertThat(resellers.statusCode()).as("another caller, another body: %s", resellers.body()).isEqualTo(201);
        assertThat(resellers.headers().firstValue(REPLAYED)).isEmpty();
        assertThat(globexs.statusCode()).as("another tenant, the same body: %s", globexs.body()).isEqualTo(201);
        assertThat(globexs.headers().firstValue(REPLAYED)).isEmpty();
        assertThat(Http.json(globexs).get("id").asLong()).isNotEqualTo(Http.json(admins).get("id").asLong());
        assertThat(couponRows(resellersCode)).isEqualTo(1);
        assertThat(TestDatabase.query("SELECT t.slug FROM coupon c JOIN tenant t ON t.id = c.tenant_id WHERE c.code = ? ORDER BY t.slug",
                code)).containsExactly("acme", "globex");
    }

    @Test
    void ofTenParallelRequestsWithOneKeyExactlyOneRuns() throws Exception {
        String admin = acme.token("admin@acme.test", "demo");
        String code = code();
        String key = key();
        CountDownLatch start = new CountDownLatch(1);
        List<HttpResponse<String>> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return issue(acme, admin, key, coupon(code, 5));
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(couponRows(code)).isEqualTo(1);
        List<HttpResponse<String>> ran = answers.stream()
                .filter(answer -> answer.statusCode() == 201 && answer.headers().firstValue(REPLAYED).isEmpty()).toList();
        assertThat(ran).as("answers of a request that ran").hasSize(1);
        for (HttpResponse<String> answer : answers) {
            if (answer.statusCode() == 409) {
                assertThat(Http.json(answer).path("field").asText()).as("%s", answer.body()).isEqualTo("Idempotency-Key");
            } else {
                assertThat(answer.statusCode()).as("%s", answer.body()).isEqualTo(201);
                assertThat(answer.body()).isEqualTo(ran.get(0).body());
            }
        }
    }

    @Test
    void aRefusedRequestIsRefusedAgainWithoutRunning() {
        String admin = acme.token("admin@acme.test", "demo");
        String key = key();
        String bad = coupon(code(), 120);

        HttpResponse<String> first = issue(acme, admin, key, bad);
        HttpResponse<String> retry = issue(acme, admin, key, bad);

        assertProblem(first, "percentOff");
        assertProblem(retry, "percentOff");
        assertThat(first.headers().firstValue(REPLAYED)).isEmpty();
        assertThat(retry.headers().firstValue(REPLAYED)).contains("true");
        assertThat(retry.body()).isEqualTo(first.body());
    }

    @Test
    void anExpiredKeyRunsAgain() {
        String admin = acme.token("admin@acme.test", "demo");
        String code = code();
        String key = key();
        HttpResponse<String> first = issue(acme, admin, key, coupon(code, 5));
        assertThat(first.statusCode()).as("%s", first.body()).isEqualTo(201);
        TestDatabase.update("UPDATE idempotency_key SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE idem_key = ?", key);
        TestDatabase.update("DELETE FROM coupon WHERE code = ?", code);

        HttpResponse<String> again = issue(acme, admin, key, coupon(code, 5));

        assertThat(again.statusCode()).as("%s", again.body()).isEqualTo(201);
        assertThat(again.headers().firstValue(REPLAYED)).isEmpty();
        assertThat(Http.json(again).get("id").asLong()).isNotEqualTo(Http.json(first).get("id").asLong());
        assertThat(couponRows(code)).isEqualTo(1);
    }

    @Test
    void anAnswerCarryingACredentialIsNeverKeptAndAnonymousCallsIgnoreTheKey() {
        String admin = acme.token("admin@acme.test", "demo");
        String key = key();
        String body = "{\"name\":\"idempotency " + UUID.randomUUID() + "\"}";

        HttpResponse<String> first = acme.postJson("/api/v1/api-keys", body, "Authorization", "Bearer " + admin, "Idempotency-Key", key);
        HttpResponse<String> retry = acme.postJson("/api/v1/api-keys", body, "Authorization", "Bearer " + admin, "Idempotency-Key", key);
        try {
            assertThat(first.statusCode()).as("%s", first.body()).isEqualTo(201);
            assertThat(retry.statusCode()).as("%s", retry.body()).isEqualTo(201);
            assertThat(retry.headers().firstValue(REPLAYED)).isEmpty();
            assertThat(retry.body()).isNotEqualTo(first.body());
            assertThat(TestDatabase.query("SELECT id FROM idempotency_key WHERE idem_key = ?", key)).as("no key kept").isEmpty();
        } finally {
            for (HttpResponse<String> created : List.of(first, retry)) {
                if (created.statusCode() == 201) {
                    acme.delete("/api/v1/api-keys/" + Http.json(created).get("key").get("id").asLong(), Http.bearer(admin));
                }
            }
        }

        String anonymousKey = key();
        String quote = "{\"planId\":" + ClientDecimalsIT.planId(Http.json(acme.get("/api/v1/catalog/nimbus-mail")), "Pro") + ",\"duration\":1}";
        HttpResponse<String> quoted = acme.postJson("/api/v1/quotes", quote, "Idempotency-Key", anonymousKey);
        HttpResponse<String> quotedAgain = acme.postJson("/api/v1/quotes", quote, "Idempotency-Key", anonymousKey);
        assertThat(quoted.statusCode()).as("%s", quoted.body()).isEqualTo(200);
        assertThat(quotedAgain.headers().firstValue(REPLAYED)).isEmpty();
        assertThat(TestDatabase.query("SELECT id FROM idempotency_key WHERE idem_key = ?", anonymousKey)).isEmpty();
    }

    private static HttpResponse<String> issue(Http host, String token, String key, String body) {
        return host.postJson("/api/v1/coupons", body, "Authorization", "Bearer " + token, "Idempotency-Key", key);
    }

    private static String coupon(String code, int percentOff) {
        return "{\"code\":\"" + code + "\",\"effect\":\"PERCENT_OFF\",\"percentOff\":" + percentOff + ",\"destination\":\"TOTAL\","
                + "\"validFrom\":\"2020-01-01T00:00:00Z\",\"validUntil\":\"2099-01-01T00:00:00Z\"}";
    }

    private static String code() {
        return PREFIX + Unique.suffix();
    }

    private static String key() {
        return "it-" + UUID.randomUUID();
    }

    private static int couponRows(String code) {
        return Integer.parseInt(TestDatabase.query("SELECT COUNT(*) FROM coupon WHERE code = ?", code.toUpperCase(Locale.ROOT)).get(0));
    }
}
