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
import org.cloudmarket.identity.domain.AuditEntry.Channel;
import org.cloudmarket.identity.service.ApiKeyView;
import org.cloudmarket.identity.service.ApiKeys;
import org.cloudmarket.identity.service.IssuedApiKey;

/** The caller's organization's API keys (the tenant's own for an admin); the secret only in the creation answer. */
@Path("api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    public record KeyRequest(String name) {
    }

    @Inject
    private ApiKeys apiKeys;

    @Inject
    private RequestIdentity identity;

    @GET
    public List<ApiKeyView> list() {
        return apiKeys.list();
    }

    @POST
    public Response create(KeyRequest request) {
        Inputs.body(request);
        identity.user();
        IssuedApiKey issued = apiKeys.create(request.name(), identity.remoteAddress(), Channel.API);
        // no-store: the key is shown once, kept by no cache and no idempotency record (IdempotencyFilter)
        return Response.status(Response.Status.CREATED).entity(issued).header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") long id) {
        identity.user();
        apiKeys.revoke(id, identity.remoteAddress(), Channel.API);
        return Response.noContent().build();
    }
}
