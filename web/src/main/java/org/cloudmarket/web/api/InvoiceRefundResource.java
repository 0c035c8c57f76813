package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.cloudmarket.billing.domain.RefundNotes;
import org.cloudmarket.billing.service.InvoiceView;
import org.cloudmarket.billing.service.Refunds;
import org.cloudmarket.shared.error.InvalidInput;

/** A refund of a paid invoice: its credit note (Refunds says who may and how much). Beside InvoiceResource, on its path. */
@Path("invoices/{id}/refund")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoiceRefundResource {

    /** An invoice has far fewer lines; a longer list is no refund. */
    static final int MAX_LINES = 1000;

    /** {@code lines} left out: everything left of the invoice. */
    public record RefundRequest(List<RefundLine> lines, String reason) {
    }

    /** A line of the invoice ({@code id} of its lines) and the net amount refunded of it. */
    public record RefundLine(Long lineId, BigDecimal amount) {
    }

    @Inject
    private Refunds refunds;

    @POST
    public Response refund(@PathParam("id") long id, RefundRequest request) {
        RefundRequest body = Inputs.body(request);
        if (body.lines() != null && body.lines().size() > MAX_LINES) {
            throw new InvalidInput("lines", "lines names at most " + MAX_LINES + " lines");
        }
        Optional<List<RefundNotes.Asked>> lines = Optional.ofNullable(body.lines()).map(asked -> asked.stream()
                .map(line -> line == null ? new RefundNotes.Asked(null, null)
                        : new RefundNotes.Asked(line.lineId(), Inputs.bounded("amount", line.amount()))).toList());
        InvoiceView credit = refunds.refund(id, lines, body.reason());
        return Response.status(Response.Status.CREATED).header("Location", "invoices/" + credit.id()).entity(credit).build();
    }
}
