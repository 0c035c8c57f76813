package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.cloudmarket.identity.service.Authentication;
import org.cloudmarket.identity.service.IssuedToken;
import org.cloudmarket.shared.error.InvalidInput;

/** Exchanges an e-mail and password for a bearer token of the host's tenant. */
@Path("tokens")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    public record TokenRequest(String email, String password) {
    }

    public record TokenResponse(String token, String tokenType, Instant expiresAt, long userId) {
    }

    @Inject
    private Authentication authentication;

    @Inject
    private RequestIdentity identity;

    @POST
    public Response issue(TokenRequest request) {
        if (request == null || request.email() == null || request.email().isBlank()) {
            throw new InvalidInput("email", "email is required");
        }
        if (request.password() == null || request.password().isEmpty()) {
            throw new InvalidInput("password", "password is required");
        }
        IssuedToken token = authentication.issueToken(request.email(), request.password(), identity.remoteAddress());
        return Response.status(Response.Status.CREATED)
                .entity(new TokenResponse(token.secret(), "Bearer", token.expiresAt(), token.user().userId()))
                .build();
    }
}
