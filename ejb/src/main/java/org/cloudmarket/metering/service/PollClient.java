package org.cloudmarket.metering.service;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;
import org.cloudmarket.metering.domain.PollAnswer;

/**
 * Polls one vendor's metric endpoint: {@code GET} with {@code CD-Subscription-Id} and {@code Content-Type:
 * application/json; charset=utf-8} (SYNDICATION 2.10), answered 200 {@code {"value": 3.0}}. Everything else is a
 * failed poll with a short reason, never an exception: another status, a redirect (not followed: a 3xx could point
 * anywhere, the platform's own network included), a connect or response timeout
 * ({@code cloudmarket.metering.poll-timeout-ms}, default 5000), a body over {@link #MAX_BODY} bytes, and an endpoint
 * whose host resolves to a refused address ({@link CheckingDnsResolver}, at every connection: none is kept alive).
 */
@ApplicationScoped
public class PollClient {

    static final String TIMEOUT = "cloudmarket.metering.poll-timeout-ms";
    static final String ALLOW_LOCAL = "cloudmarket.metering.allow-local-endpoints";
    static final int MAX_BODY = 4096;

    private CloseableHttpClient client;
    private long timeoutMillis;

    @PostConstruct
    void open() {
        open(Long.getLong(TIMEOUT, 5000), CheckingDnsResolver.system(Boolean.getBoolean(ALLOW_LOCAL)));
    }

    void open(long timeoutMillis, CheckingDnsResolver resolver) {
        this.timeoutMillis = Math.max(1, timeoutMillis);
        Timeout timeout = Timeout.ofMilliseconds(this.timeoutMillis);
        client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build())
                        .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(timeout).build())
                        .setMaxConnTotal(200).setMaxConnPerRoute(50)
                        .build())
                // a new connection for every poll, so that every poll's address is resolved and checked again
                .setConnectionReuseStrategy((request, response, context) -> false)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).setConnectionRequestTimeout(timeout).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent("Cloudmarket metric poll")
                .build();
    }

    @PreDestroy
    void close() {
        try {
            client.close();
        } catch (IOException e) {
            throw new IllegalStateException("The poll client could not be closed", e);
        }
    }

    /** One poll of {@code endpoint} for the subscription: the value, or why there is none. */
    public PollAnswer poll(String endpoint, long subscriptionId) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            return PollAnswer.failed("the endpoint is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return PollAnswer.failed("the endpoint is not an absolute http(s) URL");
        }
        HttpGet get = new HttpGet(uri);
        get.setHeader("CD-Subscription-Id", Long.toString(subscriptionId));
        get.setHeader("Content-Type", "application/json; charset=utf-8");
        get.setHeader("Accept", "application/json");
        // the timeouts bound each read; this bounds the whole poll, so a vendor dripping a byte at a time ends too
        CompletableFuture<Void> deadline = CompletableFuture.runAsync(get::cancel,
                CompletableFuture.delayedExecutor(2 * timeoutMillis, TimeUnit.MILLISECONDS));
        try {
            return client.execute(get, response -> {
                int status = response.getCode();
                if (status >= 300 && status < 400) {
                    return PollAnswer.failed("redirect refused (HTTP " + status + ")");
                }
                if (status != 200) {
                    return PollAnswer.failed("HTTP " + status);
                }
                HttpEntity entity = response.getEntity();
                if (entity == null) {
                    return PollAnswer.failed("the answer has no body");
                }
                byte[] body;
                try (InputStream in = entity.getContent()) {
                    body = in.readNBytes(MAX_BODY + 1);
                }
                if (body.length > MAX_BODY) {
                    return PollAnswer.failed("the answer is longer than " + MAX_BODY + " bytes");
                }
                return PollAnswer.parse(new String(body, StandardCharsets.UTF_8));
            });
        } catch (CheckingDnsResolver.RefusedAddress e) {
            return PollAnswer.failed(e.getMessage());
        } catch (InterruptedIOException e) {
            return PollAnswer.failed("no answer within " + timeoutMillis + " ms");
        } catch (IOException | RuntimeException e) {
            return PollAnswer.failed(describe(e));
        } finally {
            deadline.cancel(false);
        }
    }

    private static String describe(Exception e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        text = text.replaceAll("\\s+", " ");
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
