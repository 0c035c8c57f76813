package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.cloudmarket.identity.domain.AuditEntry.Channel;
import org.cloudmarket.platform.service.Marketplaces;
import org.cloudmarket.platform.service.TenantForm;
import org.cloudmarket.platform.service.TenantView;

/** The platform operator's marketplaces (SUPER_ADMIN, on the platform's host). */
@Path("platform/tenants")
@Produces(MediaType.APPLICATION_JSON)
public class PlatformTenantResource {

    @Inject
    private Marketplaces marketplaces;

    @Inject
    private RequestIdentity identity;

    @GET
    public List<TenantView> list() {
        return marketplaces.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(TenantForm body) {
        TenantView created = marketplaces.create(Inputs.body(body), identity.remoteAddress(), Channel.API);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }
}
