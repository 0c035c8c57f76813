package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.cloudmarket.identity.domain.AuditEntry.Channel;
import org.cloudmarket.accounts.service.PasswordResets;
import org.cloudmarket.shared.error.InvalidInput;

/** Forgotten passwords: ask for a link (always the same 202), set a password with a reset or invitation link. */
@Path("password-resets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PasswordResetResource {

    /** The one answer to every request, known e-mail or not: nothing to enumerate accounts with. */
    static final Map<String, String> REQUESTED = Map.of("status", "If this e-mail has an account, a link to reset its password is on its way.");

    public record ResetRequest(String email) {
    }

    public record NewPassword(String password) {
    }

    @Inject
    private PasswordResets resets;

    @Inject
    private RequestIdentity identity;

    @POST
    public Response request(ResetRequest request) {
        Inputs.body(request);
        if (request.email() == null || request.email().isBlank()) {
            throw new InvalidInput("email", "email is required");
        }
        resets.request(request.email(), identity.remoteAddress());
        return Response.accepted(REQUESTED).build();
    }

    @PUT
    @Path("{token}")
    public Response complete(@PathParam("token") String token, NewPassword request) {
        Inputs.body(request);
        resets.complete(token, request.password(), identity.remoteAddress(), Channel.API);
        return Response.noContent().build();
    }
}
