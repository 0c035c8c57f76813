package org.cloudmarket.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.cloudmarket.identity.service.SignedInUser;

/**
 * What a browser session remembers about its user: who it acts as and, while impersonating, who
 * it really is. Held server-side; the cookie carries only the session id.
 */
public final class WebSession {

    private static final String ACTING = "cloudmarket.acting";
    private static final String ORIGINAL = "cloudmarket.original";

    private WebSession() {
    }

    public static Optional<SignedInUser> acting(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((SignedInUser) session.getAttribute(ACTING));
    }

    /** A fresh session id at sign-in, so a session id planted before sign-in is worthless after it. */
    static void signIn(HttpServletRequest request, SignedInUser user) {
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session.removeAttribute(ORIGINAL);
        session.setAttribute(ACTING, user);
    }

    /** Keeps the session's user as the database last saw it (role, name). */
    static void refresh(HttpServletRequest request, SignedInUser current) {
        request.getSession(false).setAttribute(ACTING, current);
    }

    /** Every change of identity gets a new session id, as sign-in does. */
    public static void startActingAs(HttpServletRequest request, SignedInUser target) {
        HttpSession session = request.getSession(false);
        request.changeSessionId();
        session.setAttribute(ORIGINAL, session.getAttribute(ACTING));
        session.setAttribute(ACTING, target);
    }

    public static void stopActing(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        request.changeSessionId();
        session.setAttribute(ACTING, session.getAttribute(ORIGINAL));
        session.removeAttribute(ORIGINAL);
    }

    static void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
