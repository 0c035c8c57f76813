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
import org.cloudmarket.tenancy.service.CustomDomains;

/** The platform operator's queue of custom domains (SUPER_ADMIN, on the platform's host). */
@Path("platform/custom-domains")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class CustomDomainResource {

    @Inject
    private CustomDomains domains;

    @GET
    public List<CustomDomains.Request> pending() {
        return domains.pending();
    }

    @POST
    @Path("{id}/approve")
    public Response approve(@PathParam("id") long id) {
        domains.decide(id, true);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/reject")
    public Response reject(@PathParam("id") long id) {
        domains.decide(id, false);
        return Response.noContent().build();
    }
}
