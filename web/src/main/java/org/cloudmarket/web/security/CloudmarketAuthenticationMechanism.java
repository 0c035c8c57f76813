package org.cloudmarket.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.cloudmarket.identity.service.Authentication;
import org.cloudmarket.identity.service.SignedInUser;
import org.cloudmarket.shared.error.Forbidden;
import org.cloudmarket.shared.error.TooManyAttempts;
import org.cloudmarket.tenancy.service.HostRoute;
import org.cloudmarket.web.api.ApiRequests;
import org.cloudmarket.web.api.Problem;
import org.cloudmarket.web.api.ProblemWriter;
import org.cloudmarket.web.tenancy.HostTenancy;
import org.cloudmarket.web.tenancy.UnknownHost;

/**
 * The one authentication mechanism of the application, called before anything else on every
 * request. It first binds the request to the tenant of its host (answering 404 when there is
 * none), then establishes the caller: from a bearer token for the API, from the browser session
 * for pages, re-checked against the database on every request. The caller principal is the user
 * id; its only group is the user's role.
 */
@ApplicationScoped
public class CloudmarketAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Why a sign-in was refused, when it is not simply a bad e-mail or password. */
    public static final String SIGN_IN_REFUSED = CloudmarketAuthenticationMechanism.class.getName() + ".refused";

    @Inject
    private HostTenancy hostTenancy;

    @Inject
    private Authentication authentication;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Optional<HostRoute> route = hostTenancy.bind(request);
        if (route.isEmpty()) {
            try {
                UnknownHost.answer(request, response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (ApiRequests.isApi(request)) {
            return authenticateApi(request, response, context);
        }
        return authenticatePage(request, context, route.get());
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        WebSession.signOut(request);
    }

    private AuthenticationStatus authenticateApi(HttpServletRequest request, HttpServletResponse response,
                                                 HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null) {
            return context.doNothing(); // anonymous; services that need a caller answer 401
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return refuse(response, "Use an 'Authorization: Bearer <token>' header");
        }
        String token = header.substring(7).strip();
        Optional<SignedInUser> user = authentication.verifyToken(token);
        if (user.isEmpty()) {
            return refuse(response, "The token is unknown, expired or revoked on this marketplace");
        }
        ApiRequests.authenticated(request, user.get(), token);
        return notifyContainer(context, user.get());
    }

    private AuthenticationStatus authenticatePage(HttpServletRequest request, HttpMessageContext context, HostRoute route) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential password) {
            Optional<SignedInUser> user;
            try {
                user = authentication.checkPassword(password.getCaller(), password.getPasswordAsString(), request.getRemoteAddr());
            } catch (TooManyAttempts | Forbidden refused) {
                request.setAttribute(SIGN_IN_REFUSED, refused.getMessage());
                return AuthenticationStatus.SEND_FAILURE;
            }
            if (user.isEmpty()) {
                return AuthenticationStatus.SEND_FAILURE; // the login page says why
            }
            WebSession.signIn(request, user.get());
            return notifyContainer(context, user.get());
        }
        Optional<SignedInUser> user = resumeSession(request, route);
        if (user.isPresent()) {
            return notifyContainer(context, user.get());
        }
        if (context.isProtected()) {
            String next = URLEncoder.encode(request.getRequestURI(), StandardCharsets.UTF_8);
            return context.redirect(request.getContextPath() + "/login.xhtml?next=" + next);
        }
        return context.doNothing();
    }

    /**
     * The session's user as the database sees it now: a disabled, deleted or demoted user, or an
     * impersonator who may no longer act as the user, ends the session. A session of another
     * tenant's host is ignored.
     */
    private Optional<SignedInUser> resumeSession(HttpServletRequest request, HostRoute route) {
        Optional<SignedInUser> stored = WebSession.acting(request).filter(acting -> acting.tenantId() == route.tenantId());
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Optional<SignedInUser> current = authentication.resume(stored.get());
        if (current.isEmpty()) {
            WebSession.signOut(request);
        } else {
            WebSession.refresh(request, current.get());
        }
        return current;
    }

    private static AuthenticationStatus notifyContainer(HttpMessageContext context, SignedInUser user) {
        return context.notifyContainerAboutLogin(Long.toString(user.userId()), Set.of(user.role().name()));
    }

    private static AuthenticationStatus refuse(HttpServletResponse response, String detail) {
        try {
            ProblemWriter.write(response, Problem.of(HttpServletResponse.SC_UNAUTHORIZED, detail));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not answer an unauthenticated API call", e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
