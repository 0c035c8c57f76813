package org.cloudmarket.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.cloudmarket.identity.service.SignedInUser;
import org.cloudmarket.shared.error.Unauthenticated;

/** The bearer-token caller and client address of the current API request. */
@RequestScoped
public class RequestIdentity {

    @Inject
    private HttpServletRequest request;

    public SignedInUser user() {
        return ApiRequests.caller(request)
                .orElseThrow(() -> new Unauthenticated("Send an 'Authorization: Bearer <token>' header; POST /api/v1/tokens issues one"));
    }

    /** The bearer token of this request, for calls that act on the token itself. */
    public String bearerToken() {
        user();
        return ApiRequests.token(request).orElseThrow();
    }

    public String remoteAddress() {
        return request.getRemoteAddr();
    }
}
