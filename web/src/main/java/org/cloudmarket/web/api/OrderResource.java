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
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.cloudmarket.catalog.domain.PaymentMethod;
import org.cloudmarket.ordering.domain.OrderStatus;
import org.cloudmarket.ordering.domain.OrderType;
import org.cloudmarket.ordering.service.OrderQuery;
import org.cloudmarket.ordering.service.OrderView;
import org.cloudmarket.ordering.service.Orders;
import org.cloudmarket.ordering.service.PlaceOrder;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.paging.Page;
import org.cloudmarket.shared.paging.PageRequest;

/** Orders: placed by buyers and sellers, listed and read as the caller's party scope allows, decided by their auditor. */
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderResource {

    public record OrderBody(Long planId, Integer duration, Map<String, Long> extraResources, String couponCode, String start,
                            Long customerId, String type, String paymentMethod) {
    }

    public record Decision(String reason) {
    }

    @Inject
    private Orders orders;

    @POST
    public Response place(OrderBody request) {
        OrderBody body = Inputs.body(request);
        if (body.extraResources() != null && body.extraResources().values().stream().anyMatch(quantity -> quantity == null)) {
            throw new InvalidInput("extraResources", "Every extra resource needs a quantity");
        }
        OrderView placed = orders.place(new PlaceOrder(Inputs.required("planId", body.planId()), Inputs.required("duration", body.duration()),
                body.extraResources(), body.couponCode(), day("start", body.start()), body.customerId(),
                Inputs.enumValue("type", OrderType.class, body.type()), Inputs.enumValue("paymentMethod", PaymentMethod.class,
                body.paymentMethod())));
        return Response.status(Response.Status.CREATED).entity(placed).build();
    }

    @GET
    public Page<OrderView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit,
                                @QueryParam("status") String status, @QueryParam("type") String type,
                                @QueryParam("from") String from, @QueryParam("to") String to) {
        return orders.list(new OrderQuery(PageRequest.of(cursor, limit == null || limit.isBlank() ? null
                : Inputs.integer("limit", limit, PageRequest.DEFAULT_LIMIT)),
                Inputs.enumValue("status", OrderStatus.class, status), Inputs.enumValue("type", OrderType.class, type),
                instant("from", from), instant("to", to)));
    }

    @GET
    @Path("{id}")
    public OrderView read(@PathParam("id") long id) {
        return orders.read(id);
    }

    @POST
    @Path("{id}/approve")
    public OrderView approve(@PathParam("id") long id) {
        return orders.approve(id);
    }

    @POST
    @Path("{id}/reject")
    public OrderView reject(@PathParam("id") long id, Decision decision) {
        return orders.reject(id, decision == null ? null : decision.reason());
    }

    private static LocalDate day(String field, String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, field + " is a day like 2026-11-01");
        }
    }

    /** A day (its midnight UTC) or an instant. */
    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, field + " is a day like 2026-11-01 or an instant like 2026-11-01T00:00:00Z");
        }
    }
}
