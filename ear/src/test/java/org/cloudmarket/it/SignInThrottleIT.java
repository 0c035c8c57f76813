package org.cloudmarket.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The sign-in throttle under parallel attempts: an attempt is counted before its password is
 * hashed, so a burst for one account gets no more checks than the documented 5 per 15 minutes.
 */
class SignInThrottleIT extends EarIT {

    private final Http acme = Http.host("acme.localhost");

    @AfterAll
    static void forget() {
        SignInWindows.forgetAll();
    }

    @Test
    void twoHundredParallelWrongPasswordsGetAtMostFiveChecksAndTheRightOneWaitsForTheWindow() throws Exception {
        String email = AccountLifecycleIT.newAdmin();

        List<HttpResponse<String>> answers = inParallel(200, i -> acme.postJson("/api/v1/tokens",
                "{\"email\":\"" + email + "\",\"password\":\"guess" + i + "\"}"));

        Map<Integer, Long> statuses = answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertThat(statuses.keySet()).as("%s", statuses).containsOnly(401, 429);
        assertThat(statuses.get(401)).as("checked passwords, %s", statuses).isBetween(1L, 5L);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 429)
                .allSatisfy(answer -> assertThat(answer.headers().firstValue("Retry-After")).isPresent());
        // an attempt refused because the server was busy hashing counts for nothing: use up the rest
        long checked = statuses.get(401);
        for (int i = 0; i < 5 && acme.postJson("/api/v1/tokens", "{\"email\":\"" + email + "\",\"password\":\"again" + i + "\"}")
                .statusCode() == 401; i++) {
            checked++;
        }
        assertThat(checked).as("passwords checked in the window").isEqualTo(5);

        HttpResponse<String> right = acme.postJson("/api/v1/tokens", "{\"email\":\"" + email + "\",\"password\":\"demo\"}");
        assertThat(right.statusCode()).as("the right password while the window lasts: %s", right.body()).isEqualTo(429);
        assertThat(Http.json(right).get("detail").asText()).contains("Too many failed sign-ins");

        SignInWindows.age(email);
        assertThat(acme.postJson("/api/v1/tokens", "{\"email\":\"" + email + "\",\"password\":\"demo\"}").statusCode())
                .as("once the window has passed").isEqualTo(201);
        assertThat(TestDatabase.query("SELECT COUNT(*) FROM sign_in_window WHERE kind = 'ACCOUNT' AND subject = SHA2(?, 256)", email))
                .as("a right password drops the account's window").containsExactly("0");
        assertThat(acme.postJson("/api/v1/tokens", "{\"email\":\"admin@acme.test\",\"password\":\"demo\"}").statusCode())
                .as("another account of the same address").isEqualTo(201);
    }

    @Test
    void aBurstOfChecksBeyondTheHashingCapIsRefusedNotQueuedForever() throws Exception {
        Http globex = Http.host("globex.localhost");

        // 40 accounts that do not exist: each costs a decoy hash; the test server hashes one at a time
        List<HttpResponse<String>> answers = inParallel(40, i -> globex.postJson("/api/v1/tokens",
                "{\"email\":\"nobody" + i + "-" + System.nanoTime() + "@globex.test\",\"password\":\"x\"}"));

        Map<Integer, Long> statuses = answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertThat(statuses.keySet()).as("%s", statuses).containsOnly(401, 429);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 429).isNotEmpty()
                .allSatisfy(answer -> assertThat(Http.json(answer).get("detail").asText()).contains("busy"));
        assertThat(globex.postJson("/api/v1/tokens", "{\"email\":\"admin@globex.test\",\"password\":\"demo\"}").statusCode())
                .as("a refused check counts for nothing").isEqualTo(201);
    }

    private static List<HttpResponse<String>> inParallel(int count, Function<Integer, HttpResponse<String>> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                pending.add(threads.submit(() -> {
                    start.await();
                    return call.apply(n);
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : pending) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }
}
