package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import org.cloudmarket.channel.service.PriceListView;
import org.cloudmarket.channel.service.PriceLists;
import org.cloudmarket.pricing.PriceRule;

/** The channel's price lists: each actor sees and changes only what the channel services let it. */
@Path("price-lists")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PriceListResource {

    public record PriceListRequest(String name, BigDecimal defaultMarkup, Boolean selfBilled) {
    }

    /** A rule for one component of a plan; neither markup nor price removes it. */
    public record EntryRequest(Long planId, String component, BigDecimal markupPercent, BigDecimal price) {
    }

    public record AssignmentRequest(Long organizationId) {
    }

    @Inject
    private PriceLists priceLists;

    @GET
    public List<PriceListView> list() {
        return priceLists.visible();
    }

    @POST
    public Response create(PriceListRequest request) {
        PriceListRequest body = Inputs.body(request);
        return Response.status(Response.Status.CREATED).entity(priceLists.create(body.name(), Inputs.bounded("defaultMarkup", body.defaultMarkup()),
                body.selfBilled())).build();
    }

    @GET
    @Path("{id}")
    public PriceListView get(@PathParam("id") long id) {
        return priceLists.get(id);
    }

    @PUT
    @Path("{id}")
    public PriceListView update(@PathParam("id") long id, PriceListRequest request) {
        PriceListRequest body = Inputs.body(request);
        return priceLists.update(id, body.name(), Inputs.bounded("defaultMarkup", body.defaultMarkup()), body.selfBilled());
    }

    @PUT
    @Path("{id}/entries")
    public PriceListView price(@PathParam("id") long id, EntryRequest request) {
        EntryRequest body = Inputs.body(request);
        PriceRule rule = body.markupPercent() == null && body.price() == null ? null
                : new PriceRule(Inputs.bounded("markupPercent", body.markupPercent()), Inputs.bounded("price", body.price()));
        return priceLists.price(id, Inputs.required("planId", body.planId()), Inputs.required("component", body.component()), rule);
    }

    @POST
    @Path("{id}/assignments")
    public PriceListView assign(@PathParam("id") long id, AssignmentRequest request) {
        return priceLists.assign(id, Inputs.required("organizationId", Inputs.body(request).organizationId()));
    }

    @POST
    @Path("{id}/storefront-default")
    @Consumes(MediaType.WILDCARD)
    public PriceListView makeStorefrontDefault(@PathParam("id") long id) {
        return priceLists.makeStorefrontDefault(id);
    }
}
