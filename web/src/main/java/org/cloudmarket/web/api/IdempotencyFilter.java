package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.idempotency.IdempotencyKey;
import org.cloudmarket.shared.idempotency.IdempotencyKeys;
import org.cloudmarket.shared.idempotency.Reservation;
import org.cloudmarket.shared.idempotency.StoredAnswer;
import org.cloudmarket.web.storefront.BufferedResponse;

/**
 * Honours {@code Idempotency-Key} on every POST of the API, whichever resource serves it: the key
 * is reserved (IdempotencyKeys) before the request runs, and its answer kept for the key's
 * retries, which get it again with {@code Idempotent-Replayed: true}. Mapped to /api/* in web.xml,
 * so it runs after the authentication mechanism has bound the tenant and established the caller.
 * Anonymous POSTs (sign-up, tokens, quotes) ignore the header: they have no caller to scope a key
 * to, and a client address is shared by everyone behind one proxy. Answers marked
 * {@code Cache-Control: no-store} (a new token or API key) are never kept: the key only keeps a
 * parallel twin from running meanwhile.
 */
public class IdempotencyFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class.getName());
    static final String REPLAYED = "Idempotent-Replayed";
    /** The API's POSTs carry small JSON bodies; a keyed one is held in memory to hash it. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    /** What the key's path column holds. */
    static final int MAX_PATH_LENGTH = 400;

    @Inject
    private IdempotencyKeys keys;

    public IdempotencyFilter() {
    }

    /** For the unit test: the keys' storage without a container. */
    IdempotencyFilter(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String key = request.getHeader(IdempotencyKey.HEADER);
        if (key == null || !"POST".equals(request.getMethod()) || request.getUserPrincipal() == null) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getServletPath() + Optional.ofNullable(request.getPathInfo()).orElse("");
        try {
            IdempotencyKey.check(key);
        } catch (InvalidInput invalid) {
            ProblemWriter.write(response, Problem.of(invalid));
            return;
        }
        if (path.length() > MAX_PATH_LENGTH) {
            ProblemWriter.write(response, Problem.of(414, "A path with an Idempotency-Key has at most " + MAX_PATH_LENGTH + " characters"));
            return;
        }
        Optional<BufferedRequest> buffered = BufferedRequest.read(request, MAX_BODY_BYTES);
        if (buffered.isEmpty()) {
            ProblemWriter.write(response, Problem.of(413, "A request with an Idempotency-Key has a body of at most 1 MiB"));
            return;
        }
        Reservation reservation = keys.reserve(path, key, sha256(buffered.get().body()));
        if (reservation instanceof Reservation.Reserved reserved) {
            run(buffered.get(), response, chain, reserved.id());
        } else if (reservation instanceof Reservation.Replay replay) {
            replay(replay.answer(), response);
        } else if (reservation instanceof Reservation.Running) {
            ProblemWriter.write(response, Problem.ofField(409, "The first request with this Idempotency-Key is still running: retry later",
                    IdempotencyKey.HEADER));
        } else {
            ProblemWriter.write(response, Problem.ofField(422, "This Idempotency-Key was used with another request body",
                    IdempotencyKey.HEADER));
        }
    }

    private void run(BufferedRequest request, HttpServletResponse response, FilterChain chain, long id)
            throws IOException, ServletException {
        BufferedResponse answer = new BufferedResponse(response);
        boolean kept = false;
        try {
            chain.doFilter(request, answer);
            byte[] body = answer.body();
            if (answer.completed() && StoredAnswer.kept(answer.getStatus()) && !noStore(answer)) {
                kept = keep(id, new StoredAnswer(answer.getStatus(), answer.getContentType(), answer.getHeader("Location"), body));
            }
            if (answer.completed()) {
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }
        } finally {
            if (!kept) {
                keys.release(id);
            }
        }
    }

    /** The work is done whatever happens here: the client gets its answer even when it cannot be kept. */
    private boolean keep(long id, StoredAnswer answer) {
        try {
            keys.complete(id, answer);
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The answer of idempotency key " + id + " could not be kept; its key is released", e);
            return false;
        }
    }

    private static boolean noStore(HttpServletResponse answer) {
        return answer.getHeaders("Cache-Control").stream().anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("no-store"));
    }

    private static void replay(StoredAnswer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.location() != null) {
            response.setHeader("Location", answer.location());
        }
        response.setHeader(REPLAYED, "true");
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
