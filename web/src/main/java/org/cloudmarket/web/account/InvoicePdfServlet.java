package org.cloudmarket.web.account;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.cloudmarket.billing.service.InvoiceDocuments;
import org.cloudmarket.billing.service.Invoices;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.web.api.ProblemMapper;
import org.cloudmarket.web.api.ProblemWriter;

/**
 * An invoice's PDF for the browser session ({@code /invoices/pdf?id=}), for the dashboard's and the
 * back-office's links: the same Invoices.pdf as {@code GET /api/v1/invoices/{id}/pdf}, whose
 * visibility rule decides (the customer, the issuer, the tenant's staff; anyone else a 404). The
 * API itself keeps taking bearer tokens only.
 */
@WebServlet("/invoices/pdf")
public class InvoicePdfServlet extends HttpServlet {

    @Inject
    private Invoices invoices;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getUserPrincipal() == null) {
            String back = "/invoices/pdf?id=" + request.getParameter("id");
            response.sendRedirect(request.getContextPath() + "/login.xhtml?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
            return;
        }
        InvoiceDocuments.PdfFile pdf;
        try {
            String id = request.getParameter("id");
            if (id == null || !id.matches("\\d{1,18}")) {
                throw new NotFound("No invoice " + id);
            }
            pdf = invoices.pdf(Long.parseLong(id));
        } catch (RuntimeException refused) {
            ProblemWriter.write(response, ProblemMapper.problemOf(refused, request));
            return;
        }
        response.setContentType("application/pdf");
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("Content-Disposition", "inline; filename=\"" + pdf.filename().replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        response.setContentLength(pdf.bytes().length);
        response.getOutputStream().write(pdf.bytes());
    }
}
