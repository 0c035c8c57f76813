package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.cloudmarket.channel.service.ResellerServiceView;
import org.cloudmarket.channel.service.ResellerServices;
import org.cloudmarket.web.api.CatalogRequests.ExtraResourceRequest;

/** A reseller's value-added services: extra resources of its own on the plans it resells. */
@Path("reseller-services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ResellerServiceResource {

    /** The plan, then the extra resource as on a vendor's plan. */
    public record ServiceRequest(Long planId, ExtraResourceRequest service) {
    }

    @Inject
    private ResellerServices services;

    @GET
    public List<ResellerServiceView> mine() {
        return services.mine();
    }

    @POST
    public Response add(ServiceRequest request) {
        ServiceRequest body = Inputs.body(request);
        ResellerServiceView added = services.add(Inputs.required("planId", body.planId()),
                Inputs.required("service", body.service()).terms());
        return Response.status(Response.Status.CREATED).entity(added).build();
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") long id) {
        services.remove(id);
        return Response.noContent().build();
    }
}
