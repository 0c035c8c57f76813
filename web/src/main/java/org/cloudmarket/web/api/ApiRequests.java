package org.cloudmarket.web.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.cloudmarket.identity.service.SignedInUser;

/** What the authentication mechanism learned about an API request, and how to tell one apart. */
public final class ApiRequests {

    private static final String CALLER = ApiRequests.class.getName() + ".caller";
    private static final String TOKEN = ApiRequests.class.getName() + ".token";

    private ApiRequests() {
    }

    /**
     * True for requests the REST API serves. The servlet path is decoded and free of path
     * parameters, so {@code /%61pi/...} or {@code /api;x/...} cannot pass for a page.
     */
    public static boolean isApi(HttpServletRequest request) {
        String path = request.getServletPath();
        return path.equals("/api") || path.startsWith("/api/");
    }

    /** Records the caller a bearer token identified: the only identity the API knows. */
    public static void authenticated(HttpServletRequest request, SignedInUser caller, String token) {
        request.setAttribute(CALLER, caller);
        request.setAttribute(TOKEN, token);
    }

    public static Optional<SignedInUser> caller(HttpServletRequest request) {
        return Optional.ofNullable((SignedInUser) request.getAttribute(CALLER));
    }

    public static Optional<String> token(HttpServletRequest request) {
        return Optional.ofNullable((String) request.getAttribute(TOKEN));
    }
}
