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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.cloudmarket.ordering.domain.OrderType;
import org.cloudmarket.ordering.service.ChangeCommand;
import org.cloudmarket.ordering.service.SubscriptionChanges;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.paging.Page;
import org.cloudmarket.shared.paging.PageRequest;
import org.cloudmarket.subscription.domain.DeploymentStatus;
import org.cloudmarket.subscription.domain.SubscriptionType;
import org.cloudmarket.subscription.service.SubscriptionQuery;
import org.cloudmarket.subscription.service.SubscriptionView;
import org.cloudmarket.subscription.service.Subscriptions;

/** Subscriptions the caller may see, with their changelog, and the changes of a live one (each an order of its own type). */
@Path("subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    public record SubscriptionChangeRequest(String type, Map<String, Long> extraResources, Long planId, String reason) {
    }

    @Inject
    private Subscriptions subscriptions;

    @Inject
    private SubscriptionChanges changes;

    @GET
    public Page<SubscriptionView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit,
                                       @QueryParam("status") String status, @QueryParam("type") String type,
                                       @QueryParam("from") String from, @QueryParam("to") String to) {
        return subscriptions.list(new SubscriptionQuery(PageRequest.of(cursor, limit == null ? null : Inputs.integer("limit", limit, 0)),
                Inputs.enumValue("status", DeploymentStatus.class, status), Inputs.enumValue("type", SubscriptionType.class, type),
                day("from", from), day("to", to)));
    }

    @GET
    @Path("{id}")
    public SubscriptionView read(@PathParam("id") long id) {
        return subscriptions.read(id);
    }

    @POST
    @Path("{id}/changes")
    public Response change(@PathParam("id") long id, SubscriptionChangeRequest request) {
        SubscriptionChangeRequest body = Inputs.body(request);
        ChangeCommand command = new ChangeCommand(Inputs.requiredEnum("type", OrderType.class, body.type()), body.extraResources(),
                body.planId(), body.reason());
        return Response.status(Response.Status.CREATED).entity(changes.change(id, command)).build();
    }

    private static LocalDate day(String field, String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, field + " is a day like 2026-12-01");
        }
    }
}
