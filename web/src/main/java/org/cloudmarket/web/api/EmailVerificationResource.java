package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cloudmarket.customer.service.EmailVerifications;

/** Follows a verification link: the token of the mail, once, before it expires; else 422 on {@code token}. */
@Path("email-verifications")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EmailVerificationResource {

    public record VerificationRequest(String token) {
    }

    @Inject
    private EmailVerifications verifications;

    @POST
    public Response verify(VerificationRequest body) {
        verifications.verify(Inputs.body(body).token());
        return Response.noContent().build();
    }
}
