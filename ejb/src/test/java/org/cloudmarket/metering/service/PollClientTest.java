package org.cloudmarket.metering.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.cloudmarket.metering.domain.AddressPolicy;
import org.cloudmarket.metering.domain.PollAnswer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a real HTTP server on this machine (local addresses allowed, as on the tests' server). */
class PollClientTest {

    private HttpServer server;
    private final PollClient client = new PollClient();
    private final Map<String, List<String>> seen = new ConcurrentHashMap<>();
    private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/ok", exchange -> answer(exchange, 200, "{\"value\": 3.0}"));
        server.createContext("/error", exchange -> answer(exchange, 500, "{\"value\": 1}"));
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/ok");
            answer(exchange, 302, "");
        });
        server.createContext("/big", exchange -> answer(exchange, 200, "{\"value\": 1" + " ".repeat(PollClient.MAX_BODY) + "}"));
        server.createContext("/slow", exchange -> {
            try {
                released.await(3, java.util.concurrent.TimeUnit.SECONDS); // a slow vendor: answers after the client gave up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "{\"value\": 1}");
        });
        server.start();
        client.open(500, CheckingDnsResolver.system(true));
    }

    @AfterEach
    void stop() {
        released.countDown();
        client.close();
        server.stop(0);
    }

    private void answer(HttpExchange exchange, int status, String body) throws IOException {
        seen.put(exchange.getRequestURI().getPath(), List.of(String.valueOf(exchange.getRequestHeaders().getFirst("CD-Subscription-Id")),
                String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")), exchange.getRequestMethod()));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void aGetWithTheSubscriptionsIdAndJsonContentTypeGetsTheValue() {
        PollAnswer answer = client.poll(url("/ok"), 4711);

        assertThat(answer.value()).hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo(BigDecimal.valueOf(3)));
        assertThat(seen.get("/ok")).containsExactly("4711", "application/json; charset=utf-8", "GET");
    }

    @Test
    void anotherStatusARedirectATimeoutAndABigBodyAreFailures() {
        assertThat(client.poll(url("/error"), 1).failure()).hasValue("HTTP 500");
        assertThat(client.poll(url("/moved"), 1).failure()).hasValue("redirect refused (HTTP 302)");
        assertThat(seen).doesNotContainKey("/ok"); // not followed
        assertThat(client.poll(url("/big"), 1).failure()).hasValue("the answer is longer than 4096 bytes");
        long start = System.nanoTime();
        assertThat(client.poll(url("/slow"), 1).failure()).hasValue("no answer within 500 ms");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2500);
    }

    @Test
    void aLocalEndpointIsRefusedBeforeAnyConnectionWhenLocalAddressesAreNotAllowed() {
        PollClient strict = new PollClient();
        strict.open(500, CheckingDnsResolver.system(false));
        try {
            assertThat(strict.poll(url("/ok"), 1).failure()).hasValue("127.0.0.1 resolves to 127.0.0.1 (loopback): not polled");
            assertThat(seen).doesNotContainKey("/ok");
        } finally {
            strict.close();
        }
    }

    /**
     * Each poll opens a new connection, so the host is resolved and checked again (DNS rebinding): with connections
     * kept alive the second poll would reuse the first one's socket and never look the name up. The vendor's fake DNS
     * answers this machine's loopback first (let through by the test's policy: the stub listens there), then a
     * private address, which the real policy refuses.
     */
    @Test
    void everyPollLooksTheHostUpAgainSoARebindingToAPrivateAddressIsRefused() throws Exception {
        List<String> answers = new CopyOnWriteArrayList<>(List.of("127.0.0.1", "10.0.0.7"));
        List<String> lookups = new CopyOnWriteArrayList<>();
        CheckingDnsResolver.Resolution dns = host -> {
            lookups.add(host);
            String literal = answers.size() > 1 ? answers.remove(0) : answers.get(0);
            return new InetAddress[] {InetAddress.getByAddress(host, InetAddress.getByName(literal).getAddress())};
        };
        PollClient rebound = new PollClient();
        rebound.open(500, new CheckingDnsResolver(dns, address -> address.isLoopbackAddress() ? Optional.empty()
                : AddressPolicy.refusal(address)));
        String endpoint = "http://metrics.vendor.test:" + server.getAddress().getPort() + "/ok";
        try {
            assertThat(rebound.poll(endpoint, 1).value()).hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo("3"));
            seen.clear();

            assertThat(rebound.poll(endpoint, 1).failure()).hasValue("metrics.vendor.test resolves to 10.0.0.7 (private): not polled");
            assertThat(lookups).containsExactly("metrics.vendor.test", "metrics.vendor.test");
            assertThat(seen).as("no request on the first poll's connection").doesNotContainKey("/ok");
        } finally {
            rebound.close();
        }
    }

    @Test
    void onlyAbsoluteHttpUrlsArePolled() {
        assertThat(client.poll("/metric/users", 1).failure()).hasValue("the endpoint is not an absolute http(s) URL");
        assertThat(client.poll("file:///etc/passwd", 1).failure()).hasValue("the endpoint is not an absolute http(s) URL");
        assertThat(client.poll("http://exa mple/", 1).failure()).hasValue("the endpoint is not a URL");
    }
}
