package org.cloudmarket.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.cloudmarket.identity.service.SignedInUser;
import org.cloudmarket.shared.error.Unauthenticated;
import org.cloudmarket.web.security.CloudmarketAuthenticationMechanism;

/** The signed-in user and client address of the current API request. */
@RequestScoped
public class RequestIdentity {

    @Inject
    private HttpServletRequest request;

    public SignedInUser user() {
        return Optional.ofNullable((SignedInUser) request.getAttribute(CloudmarketAuthenticationMechanism.SIGNED_IN))
                .orElseThrow(() -> new Unauthenticated("Send an 'Authorization: Bearer <token>' header; POST /api/v1/tokens issues one"));
    }

    /** The bearer token of this request, for calls that act on the token itself. */
    public String bearerToken() {
        user();
        return request.getHeader("Authorization").substring(7).strip();
    }

    public String remoteAddress() {
        return request.getRemoteAddr();
    }
}
