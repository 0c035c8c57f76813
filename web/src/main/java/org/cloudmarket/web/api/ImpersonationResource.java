package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.cloudmarket.identity.service.Impersonation;
import org.cloudmarket.identity.service.IssuedToken;
import org.cloudmarket.shared.error.InvalidInput;

/**
 * Acting as another user through the API: POST answers a token of the target that remembers its
 * impersonator; DELETE {@code current}, sent with that token, ends it. Both are audited.
 */
@Path("impersonations")
@Produces(MediaType.APPLICATION_JSON)
public class ImpersonationResource {

    public record ImpersonationRequest(Long userId) {
    }

    public record ImpersonationResponse(String token, String tokenType, Instant expiresAt, long userId, long impersonatorId) {
    }

    @Inject
    private Impersonation impersonation;

    @Inject
    private RequestIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(ImpersonationRequest request) {
        if (request == null || request.userId() == null) {
            throw new InvalidInput("userId", "userId is required");
        }
        IssuedToken token = impersonation.startWithToken(identity.user(), request.userId(), identity.remoteAddress());
        return Response.status(Response.Status.CREATED)
                .entity(new ImpersonationResponse(token.secret(), "Bearer", token.expiresAt(), token.user().userId(),
                        token.user().impersonatorId()))
                .header("Cache-Control", "no-store") // a bearer token: kept by no cache and no idempotency record
                .build();
    }

    @DELETE
    @Path("current")
    public Response end() {
        impersonation.endWithToken(identity.user(), identity.bearerToken(), identity.remoteAddress());
        return Response.noContent().build();
    }
}
