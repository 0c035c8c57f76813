package org.cloudmarket.web.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.cloudmarket.web.api.ApiRequests;
import org.cloudmarket.web.api.Problem;
import org.cloudmarket.web.api.ProblemWriter;

/** The answer to a host no storefront claims: a clear 404, as a page or as a problem. */
public final class UnknownHost {

    private UnknownHost() {
    }

    public static void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String detail = "No marketplace answers at " + request.getServerName();
        if (ApiRequests.isApi(request)) {
            ProblemWriter.write(response, Problem.of(HttpServletResponse.SC_NOT_FOUND, detail));
            return;
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/html;charset=UTF-8");
        try (InputStream page = request.getServletContext().getResourceAsStream("/WEB-INF/unknown-host.html")) {
            response.getOutputStream().write(page.readAllBytes());
        }
        // Committed, so that the container's generic 404 page does not replace this one.
        response.flushBuffer();
    }
}
