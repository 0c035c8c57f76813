package org.cloudmarket.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes a problem outside JAX-RS (servlet filters and the authentication mechanism). */
public final class ProblemWriter {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private ProblemWriter() {
    }

    public static void write(HttpServletResponse response, Problem problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        if (problem.status() == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter().write(JSONB.toJson(problem));
        // Committed, so that no error page of the container replaces the problem.
        response.flushBuffer();
    }
}
