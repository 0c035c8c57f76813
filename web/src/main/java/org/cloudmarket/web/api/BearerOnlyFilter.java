package org.cloudmarket.web.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * The API authenticates by bearer token only. Should a caller ever reach a resource signed in
 * some other way (a browser session), it is refused: cookies would make the API a CSRF target.
 */
@Provider
@PreMatching
public class BearerOnlyFilter implements ContainerRequestFilter {

    @Context
    private HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        if (request.getUserPrincipal() != null && ApiRequests.caller(request).isEmpty()) {
            Problem problem = Problem.of(401, "The API takes an 'Authorization: Bearer <token>' header, not a browser session");
            context.abortWith(Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer").entity(problem).build());
        }
    }
}
