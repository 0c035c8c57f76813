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
import org.cloudmarket.accounts.service.OrganizationAdministration;
import org.cloudmarket.accounts.service.OrganizationView;
import org.cloudmarket.tenancy.domain.OrganizationKind;

/** Vendors', distributors' and resellers' organizations, opened by the admin with their first user. */
@Path("organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganizationResource {

    public record OpenRequest(String kind, String name, Long parentId, String userEmail, String userDisplayName) {
    }

    @Inject
    private OrganizationAdministration administration;

    @Inject
    private RequestIdentity identity;

    @GET
    public List<OrganizationView> list() {
        return administration.list();
    }

    @POST
    public Response open(OpenRequest request) {
        Inputs.body(request);
        identity.user();
        OrganizationAdministration.Opened opened = administration.open(new OrganizationAdministration.Opening(
                Inputs.requiredEnum("kind", OrganizationKind.class, request.kind()), request.name(), request.parentId(),
                request.userEmail(), request.userDisplayName()), identity.remoteAddress(), Channel.API);
        return Response.status(Response.Status.CREATED).entity(opened).build();
    }
}
