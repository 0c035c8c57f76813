package org.cloudmarket.web.api;

import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem detail, the body of every API error. {@code field} names the offending
 * input field of a 422.
 */
public record Problem(String type, String title, int status, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String detail) {
        return new Problem("about:blank", title(status), status, detail, null);
    }

    public static Problem ofField(int status, String detail, String field) {
        return new Problem("about:blank", title(status), status, detail, field);
    }

    private static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : status == 422 ? "Unprocessable Content" : "Error";
    }
}
