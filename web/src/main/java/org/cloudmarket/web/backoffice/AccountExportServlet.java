package org.cloudmarket.web.backoffice;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.cloudmarket.customer.service.CustomerDirectory;
import org.cloudmarket.customer.service.CustomerExport;
import org.cloudmarket.web.api.ProblemMapper;
import org.cloudmarket.web.api.ProblemWriter;

/**
 * "Download my data" from the dashboard: the same export as {@code GET /api/v1/customers/{id}/export},
 * for the browser session (the API takes only bearer tokens), as a JSON attachment.
 */
@WebServlet("/account/export")
public class AccountExportServlet extends HttpServlet {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    private CustomerDirectory customerDirectory;

    @Inject
    private CustomerExport customerExport;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> export;
        long id;
        try {
            id = customerDirectory.own().id();
            export = customerExport.export(id);
        } catch (RuntimeException refused) {
            ProblemWriter.write(response, ProblemMapper.problemOf(refused, request));
            return;
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Disposition", "attachment; filename=\"my-data-" + id + ".json\"");
        response.getWriter().write(JSONB.toJson(export));
    }
}
