package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.cloudmarket.billing.service.BillingRunView;
import org.cloudmarket.billing.service.BillingRuns;
import org.cloudmarket.shared.error.InvalidInput;

/** The tenant's billing runs (issue 13): list, read, start one for an instant up to now, restart a failed or stopped one, stop a running one. ADMIN only (BillingRuns). */
@Path("billing-runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BillingRunResource {

    /** The instant the run bills up to (ISO, e.g. 2026-12-01T00:00:00Z). */
    public record StartRequest(String at) {
    }

    @Inject
    private BillingRuns billingRuns;

    @GET
    public List<BillingRunView> list() {
        return billingRuns.list();
    }

    @GET
    @Path("{id}")
    public BillingRunView get(@PathParam("id") long id) {
        return billingRuns.get(id);
    }

    @POST
    public Response start(StartRequest request) {
        StartRequest body = Inputs.body(request);
        return Response.status(Response.Status.ACCEPTED).entity(billingRuns.start(instant(body.at()))).build();
    }

    @POST
    @Path("{id}/restart")
    public Response restart(@PathParam("id") long id) {
        return Response.status(Response.Status.ACCEPTED).entity(billingRuns.restart(id)).build();
    }

    @POST
    @Path("{id}/stop")
    public Response stop(@PathParam("id") long id) {
        return Response.status(Response.Status.ACCEPTED).entity(billingRuns.stop(id)).build();
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput("at", "at is the instant the run bills up to, like 2026-12-01T00:00:00Z");
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("at", "at is an instant like 2026-12-01T00:00:00Z");
        }
    }
}
