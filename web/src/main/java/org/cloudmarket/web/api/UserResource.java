package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.cloudmarket.identity.domain.AuditEntry.Channel;
import org.cloudmarket.identity.domain.Role;
import org.cloudmarket.accounts.service.UserAdministration;
import org.cloudmarket.identity.service.UserDirectory;
import org.cloudmarket.identity.service.UserView;

/** The users of the host's tenant, as the caller may see and manage them (UserAdministrationRules). */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    public record InviteRequest(String email, String role, String displayName, Long organizationId) {
    }

    public record ChangeRequest(Boolean enabled, String role, String displayName) {
    }

    @Inject
    private UserDirectory userDirectory;

    @Inject
    private UserAdministration administration;

    @Inject
    private RequestIdentity identity;

    @GET
    public List<UserView> list() {
        return administration.list();
    }

    @GET
    @Path("{id}")
    public UserView get(@PathParam("id") long id) {
        return userDirectory.get(id);
    }

    @POST
    public Response invite(InviteRequest request) {
        Inputs.body(request);
        identity.user();
        UserView user = administration.invite(new UserAdministration.Invite(request.email(),
                Inputs.requiredEnum("role", Role.class, request.role()), request.displayName(), request.organizationId()),
                identity.remoteAddress(), Channel.API);
        return Response.status(Response.Status.CREATED).entity(user).build();
    }

    @PATCH
    @Path("{id}")
    public UserView change(@PathParam("id") long id, ChangeRequest request) {
        Inputs.body(request);
        identity.user();
        return administration.change(id, new UserAdministration.Change(request.enabled(),
                Inputs.enumValue("role", Role.class, request.role()), request.displayName()), identity.remoteAddress(), Channel.API);
    }
}
