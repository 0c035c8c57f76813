package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.cloudmarket.billing.domain.InvoiceKind;
import org.cloudmarket.billing.domain.InvoiceStatus;
import org.cloudmarket.billing.service.InvoiceDocuments;
import org.cloudmarket.billing.service.InvoiceQuery;
import org.cloudmarket.billing.service.InvoiceView;
import org.cloudmarket.billing.service.Invoices;
import org.cloudmarket.billing.service.SelfBilling;
import org.cloudmarket.payment.service.BankTransfers;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.paging.Page;
import org.cloudmarket.shared.paging.PageRequest;

/** Invoices, their PDFs, bank transfers and self-billed declarations; who sees which is Invoices' (InvoiceVisibility) rule. */
@Path("invoices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoiceResource {

    /** A deposit slip: the transfer's reference, its day and amount (the invoice's total). */
    public record PaymentRequest(String reference, String date, BigDecimal amount) {
    }

    @Inject
    private Invoices invoices;

    @Inject
    private BankTransfers bankTransfers;

    @Inject
    private SelfBilling selfBilling;

    @GET
    public Page<InvoiceView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit,
                                  @QueryParam("status") String status, @QueryParam("kind") String kind,
                                  @QueryParam("from") String from, @QueryParam("to") String to) {
        return invoices.list(new InvoiceQuery(Inputs.enumValue("status", InvoiceStatus.class, status),
                Inputs.enumValue("kind", InvoiceKind.class, kind), instant("from", from), instant("to", to),
                PageRequest.of(cursor, limit == null ? null : Inputs.integer("limit", limit, PageRequest.DEFAULT_LIMIT))));
    }

    @GET
    @Path("{id}")
    public InvoiceView get(@PathParam("id") long id) {
        return invoices.read(id);
    }

    @GET
    @Path("{id}/pdf")
    @Produces({"application/pdf", "application/problem+json"})
    public Response pdf(@PathParam("id") long id) {
        InvoiceDocuments.PdfFile pdf = invoices.pdf(id);
        return Response.ok(pdf.bytes(), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + pdf.filename() + "\"").build();
    }

    /** UBL 2.1, Factur-X (the PDF with its CII embedded) or FatturaPA, for whoever may download the PDF. */
    @GET
    @Path("{id}/einvoice")
    @Produces({"application/xml", "application/pdf", "application/problem+json"})
    public Response einvoice(@PathParam("id") long id, @QueryParam("format") String format) {
        InvoiceDocuments.EInvoiceFile file = invoices.einvoice(id, format);
        return Response.ok(file.bytes(), file.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + file.filename() + "\"").build();
    }

    @POST
    @Path("{id}/payments")
    public InvoiceView pay(@PathParam("id") long id, PaymentRequest request) {
        PaymentRequest body = Inputs.body(request);
        return bankTransfers.record(id, body.reference(), day(body.date()), Inputs.bounded("amount", body.amount()));
    }

    @POST
    @Path("{id}/declarations")
    public SelfBilling.DeclarationView declare(@PathParam("id") long id) {
        return selfBilling.declare(id);
    }

    /** A day or an instant; a bare day is its start in UTC. */
    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, field + " is a day like 2026-12-01 or an instant like 2026-12-01T00:00:00Z");
        }
    }

    private static LocalDate day(String value) {
        try {
            return value == null ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("date", "date is a day like 2026-12-01");
        }
    }
}
