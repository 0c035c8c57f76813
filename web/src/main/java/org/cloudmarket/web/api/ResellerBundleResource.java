package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.cloudmarket.catalog.service.BundleComponentRef;
import org.cloudmarket.channel.service.ResellerBundles;

/** A reseller's bundles of what it resells, on sale at once on its storefront. */
@Path("reseller-bundles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ResellerBundleResource {

    public record BundleRequest(String name, String summary, List<BundleComponentRef> components) {
    }

    /** Where the new bundle is: GET /catalog/{slug} on the reseller's storefront. */
    public record BundleCreated(String slug) {
    }

    @Inject
    private ResellerBundles bundles;

    @POST
    public Response create(BundleRequest request) {
        BundleRequest body = Inputs.body(request);
        String slug = bundles.create(body.name(), body.summary(), Inputs.components(body.components()));
        return Response.status(Response.Status.CREATED).entity(new BundleCreated(slug)).build();
    }
}
