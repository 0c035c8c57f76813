package org.cloudmarket.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * What browsers are told about every answer of the application. Always: no framing by any page
 * (X-Frame-Options and the policy's frame-ancestors, against clickjacking), no MIME sniffing, no
 * full URL in the referrer to other sites, and a Content-Security-Policy that lets scripts, styles,
 * images, fonts and requests come from the storefront's own host only. Over TLS also HSTS, and
 * cookies become Secure (Undertow's secure-cookie handler in WEB-INF/undertow-handlers.conf). "Over
 * TLS" is the request as the server sees it: its own https listener, or a TLS-terminating proxy's
 * X-Forwarded-Proto once the listener is told to trust it (CLOUDMARKET_BEHIND_PROXY, README); a
 * client's own X-Forwarded-Proto counts for nothing. So the plain-HTTP demo keeps working. Mapped
 * in web.xml, first of all filters: a page the storefront cache replays gets these headers anew.
 */
public class SecurityHeaders extends HttpFilter {

    /*
     * Scripts need 'unsafe-inline': PrimeFaces renders each widget's start-up as an inline <script>
     * and its events as on* attributes, and Faces renders h:commandLink (the sign-out link) as an
     * inline onclick. PrimeFaces' CSP mode (primefaces.CSP) would put nonces on its own scripts, but
     * not on Faces' standard components, and it sends a policy of its own. Everything else is
     * 'self': no script, style or font from another origin, no plugins, no <base> change, and forms
     * post only to the same host, so an injected script can neither load code nor send data away.
     */
    static final String POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** A year. Without includeSubDomains: a reseller's custom domain has sub-domains that are not ours to pin. */
    static final String HSTS = "max-age=31536000";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        chain.doFilter(request, response);
    }
}
