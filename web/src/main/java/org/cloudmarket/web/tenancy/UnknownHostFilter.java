package org.cloudmarket.web.tenancy;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.cloudmarket.web.api.Problem;
import org.cloudmarket.web.api.ProblemWriter;

/** Answers 404 for a host no storefront claims, before any page or resource runs. */
@WebFilter(urlPatterns = "/*", filterName = "UnknownHostFilter")
public class UnknownHostFilter extends HttpFilter {

    @Inject
    private HostTenancy hostTenancy;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (hostTenancy.bind(request).isPresent()) {
            chain.doFilter(request, response);
            return;
        }
        String detail = "No marketplace answers at " + request.getServerName();
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemWriter.write(response, Problem.of(HttpServletResponse.SC_NOT_FOUND, detail));
            return;
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/html;charset=UTF-8");
        try (InputStream page = getServletContext().getResourceAsStream("/WEB-INF/unknown-host.html")) {
            response.getOutputStream().write(page.readAllBytes());
        }
    }
}
