package org.cloudmarket.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ReadListener;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cloudmarket.shared.idempotency.IdempotencyKeys;
import org.cloudmarket.shared.idempotency.Reservation;
import org.cloudmarket.shared.idempotency.StoredAnswer;
import org.junit.jupiter.api.Test;

/**
 * What the filter does around a request, without a server: which answers it keeps, which keys it
 * releases, what a replay sends. The key's storage, and the 409 and 422 problems, are IdempotencyIT's
 * (on the server: its JSON-B writes the problems).
 */
class IdempotencyFilterTest {

    private final Keys keys = new Keys();
    private final Answer answer = new Answer();

    @Test
    void aSuccessIsKeptWithItsStatusHeadersAndBodyAndSentOn() throws Exception {
        keys.next = new Reservation.Reserved(7);

        new IdempotencyFilter(keys).doFilter(post("{\"a\":1}"), answer.response(), (request, response) -> {
            assertThat(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
            ((HttpServletResponse) response).setStatus(201);
            response.setContentType("application/json");
            ((HttpServletResponse) response).setHeader("Location", "/api/v1/things/1");
            response.getOutputStream().write("{\"id\":1}".getBytes(StandardCharsets.UTF_8));
        });

        assertThat(keys.reserved).containsExactly("/api/v1/things " + IdempotencyFilter.sha256("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        assertThat(keys.kept).hasSize(1);
        StoredAnswer kept = keys.kept.get(0);
        assertThat(List.of(kept.status(), kept.contentType(), kept.location(), new String(kept.body(), StandardCharsets.UTF_8)))
                .containsExactly(201, "application/json", "/api/v1/things/1", "{\"id\":1}");
        assertThat(keys.released).isEmpty();
        assertThat(answer.body()).isEqualTo("{\"id\":1}");
    }

    @Test
    void aServerErrorAnExceptionOrACredentialReleasesTheKey() throws Exception {
        keys.next = new Reservation.Reserved(7);
        new IdempotencyFilter(keys).doFilter(post("{}"), answer.response(), (request, response) -> ((HttpServletResponse) response).setStatus(503));
        new IdempotencyFilter(keys).doFilter(post("{}"), new Answer().response(), (request, response) -> {
            ((HttpServletResponse) response).setStatus(201);
            ((HttpServletResponse) response).setHeader("Cache-Control", "no-store");
        });
        assertThatThrownBy(() -> new IdempotencyFilter(keys).doFilter(post("{}"), new Answer().response(), (request, response) -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(keys.kept).isEmpty();
        assertThat(keys.released).containsExactly(7L, 7L, 7L);
    }

    @Test
    void aReplaySendsTheStoredAnswerMarkedReplayedWithoutRunning() throws Exception {
        keys.next = new Reservation.Replay(new StoredAnswer(201, "application/json", "/api/v1/things/1", "{\"id\":1}".getBytes()));

        new IdempotencyFilter(keys).doFilter(post("{}"), answer.response(), (request, response) -> {
            throw new AssertionError("a replay runs nothing");
        });

        assertThat(answer.status).isEqualTo(201);
        assertThat(answer.headers).containsEntry("Content-Type", "application/json").containsEntry("Location", "/api/v1/things/1")
                .containsEntry(IdempotencyFilter.REPLAYED, "true");
        assertThat(answer.body()).isEqualTo("{\"id\":1}");
    }

    @Test
    void anAnonymousCallOrAnotherMethodPassesStraightThrough() throws Exception {
        List<String> ran = new ArrayList<>();
        new IdempotencyFilter(keys).doFilter(request("POST", null, "{}"), answer.response(), (request, response) -> ran.add("anonymous"));
        new IdempotencyFilter(keys).doFilter(request("PUT", () -> "12", "{}"), answer.response(), (request, response) -> ran.add("put"));

        assertThat(ran).containsExactly("anonymous", "put");
        assertThat(keys.reserved).isEmpty();
    }

    private static HttpServletRequest post(String body) {
        return request("POST", () -> "12", body);
    }

    /** A request with the key "k1" to /api/v1/things, by the principal given (null: anonymous). */
    private static HttpServletRequest request(String method, Principal caller, String body) {
        ByteArrayInputStream bytes = new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
        ServletInputStream in = new ServletInputStream() {
            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(IdempotencyFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, called, args) -> switch (called.getName()) {
                    case "getHeader" -> "Idempotency-Key".equals(args[0]) ? "k1" : null;
                    case "getMethod" -> method;
                    case "getUserPrincipal" -> caller;
                    case "getServletPath" -> "/api/v1";
                    case "getPathInfo" -> "/things";
                    case "getInputStream" -> in;
                    default -> null;
                });
    }

    /** The keys' storage as the filter calls it, recorded. */
    private static final class Keys extends IdempotencyKeys {
        Reservation next;
        final List<String> reserved = new ArrayList<>();
        final List<StoredAnswer> kept = new ArrayList<>();
        final List<Long> released = new ArrayList<>();

        @Override
        public Reservation reserve(String path, String key, String bodyHash) {
            reserved.add(path + " " + bodyHash);
            return next;
        }

        @Override
        public void complete(long id, StoredAnswer answer) {
            kept.add(answer);
        }

        @Override
        public void release(long id) {
            released.add(id);
        }
    }

    /** A response that remembers its status, headers and body. */
    private static final class Answer {
        int status = 200;
        final Map<String, String> headers = new LinkedHashMap<>();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final PrintWriter writer = new PrintWriter(bytes, true, StandardCharsets.UTF_8);

        String body() {
            writer.flush();
            return bytes.toString(StandardCharsets.UTF_8);
        }

        HttpServletResponse response() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(IdempotencyFilterTest.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, called, args) -> switch (called.getName()) {
                        case "setStatus" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "getStatus" -> status;
                        case "setHeader", "addHeader" -> {
                            headers.put((String) args[0], (String) args[1]);
                            yield null;
                        }
                        case "setContentType" -> {
                            headers.put("Content-Type", (String) args[0]);
                            yield null;
                        }
                        case "getContentType" -> headers.get("Content-Type");
                        case "getHeader" -> headers.get((String) args[0]);
                        case "getHeaders" -> headers.containsKey((String) args[0]) ? List.of(headers.get((String) args[0])) : List.of();
                        case "getOutputStream" -> out;
                        case "getWriter" -> writer;
                        default -> null;
                    });
        }
    }
}
