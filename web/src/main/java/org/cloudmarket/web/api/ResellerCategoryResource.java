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
import org.cloudmarket.catalog.service.CategoryView;
import org.cloudmarket.channel.service.ResellerCategories;

/** A reseller's own categories, shown on its storefront beside the marketplace's. */
@Path("reseller-categories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ResellerCategoryResource {

    public record CategoryRequest(String name) {
    }

    public record MembershipRequest(Long productId) {
    }

    @Inject
    private ResellerCategories categories;

    @GET
    public List<CategoryView> mine() {
        return categories.mine();
    }

    @POST
    public Response create(CategoryRequest request) {
        return Response.status(Response.Status.CREATED).entity(categories.create(Inputs.body(request).name())).build();
    }

    @POST
    @Path("{id}/products")
    public Response add(@PathParam("id") long id, MembershipRequest request) {
        categories.add(id, Inputs.required("productId", Inputs.body(request).productId()));
        return Response.noContent().build();
    }
}
