package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cloudmarket.customer.service.SignUpRequest;
import org.cloudmarket.customer.service.SignUps;
import org.cloudmarket.shared.error.Forbidden;

/**
 * Customers. Anonymous on a storefront's host, {@code POST} is a sign-up (SignUps): always 202 with
 * the same body, whether the e-mail is new or already has an account (whose owner gets a mail).
 */
@Path("customers")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    /** The one answer to an accepted sign-up: it says nothing of whether the e-mail had an account. */
    public record SignUpAccepted(String status, String detail) {
        static final SignUpAccepted INSTANCE = new SignUpAccepted("accepted",
                "Thank you. A mail is on its way to this address: follow its link to verify it, then sign in.");
    }

    @Inject
    private SignUps signUps;

    @Inject
    private HttpServletRequest request;

    @POST
    public Response create(SignUpRequest body) {
        if (ApiRequests.caller(request).isPresent()) {
            // A signed-in reseller or tenant staff creates its own customer (201): CustomerDirectory, branch h/customers.
            throw new Forbidden("Signed in, create customers through the customers directory; sign-up is for visitors");
        }
        signUps.signUp(body);
        return Response.accepted(SignUpAccepted.INSTANCE).build();
    }
}
