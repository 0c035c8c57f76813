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
 * An invoice's PDF ({@code /invoices/pdf?id=}) or e-invoice ({@code /invoices/einvoice?id=&format=}) for the browser session, for the dashboard's and the
 * back-office's links: the same Invoices.pdf as {@code GET /api/v1/invoices/{id}/pdf}, whose
 * visibility rule decides (the customer, the issuer, the tenant's staff; anyone else a 404). The
 * API itself keeps taking bearer tokens only.
 */
@WebServlet({"/invoices/pdf", "/invoices/einvoice"})
public class InvoicePdfServlet extends HttpServlet {

    @Inject
    private Invoices invoices;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean einvoice = request.getServletPath().endsWith("/einvoice");
        if (request.getUserPrincipal() == null) {
            String back = request.getServletPath() + "?id=" + request.getParameter("id")
                    + (einvoice ? "&format=" + request.getParameter("format") : "");
            response.sendRedirect(request.getContextPath() + "/login.xhtml?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
            return;
        }
        String filename;
        String contentType;
        byte[] bytes;
        try {
            String id = request.getParameter("id");
            if (id == null || !id.matches("\\d{1,18}")) {
                throw new NotFound("No invoice " + id);
            }
            if (einvoice) {
                InvoiceDocuments.EInvoiceFile file = invoices.einvoice(Long.parseLong(id), request.getParameter("format"));
                filename = file.filename();
                contentType = file.contentType();
                bytes = file.bytes();
            } else {
                InvoiceDocuments.PdfFile pdf = invoices.pdf(Long.parseLong(id));
                filename = pdf.filename();
                contentType = "application/pdf";
                bytes = pdf.bytes();
            }
        } catch (RuntimeException refused) {
            ProblemWriter.write(response, ProblemMapper.problemOf(refused, request));
            return;
        }
        response.setContentType(contentType);
        response.setHeader("Cache-Control", "private, no-store");
        // the PDF opens in the browser; an XML e-invoice is a file to save for the customer's accounting
        response.setHeader("Content-Disposition", (einvoice ? "attachment" : "inline") + "; filename=\""
                + filename.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
