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
import java.util.List;
import org.cloudmarket.catalog.service.VendorOnboarding;
import org.cloudmarket.catalog.service.VendorRegistrationView;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.web.api.CatalogRequests.DecisionRequest;

/** Vendors apply to sell on the marketplace; its staff decide. */
@Path("vendor-registrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VendorRegistrationResource {

    @Inject
    private VendorOnboarding onboarding;

    /** The caller's vendor applies (or applies again after a rejection). */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response apply() {
        return Response.status(Response.Status.CREATED).entity(onboarding.apply()).build();
    }

    @GET
    public List<VendorRegistrationView> list() {
        return onboarding.list();
    }

    @GET
    @Path("mine")
    public VendorRegistrationView mine() {
        return onboarding.mine().orElseThrow(() -> new NotFound("Your vendor has not applied yet: POST /vendor-registrations"));
    }

    @POST
    @Path("{id}/approve")
    public VendorRegistrationView approve(@PathParam("id") long id, DecisionRequest request) {
        return onboarding.decide(id, true, request == null ? null : request.reason());
    }

    @POST
    @Path("{id}/reject")
    public VendorRegistrationView reject(@PathParam("id") long id, DecisionRequest request) {
        return onboarding.decide(id, false, request == null ? null : request.reason());
    }
}
