package org.cloudmarket.web.api;

import jakarta.ws.rs.core.Response;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.error.DomainException;
import org.cloudmarket.shared.error.Forbidden;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.shared.error.TooManyAttempts;
import org.cloudmarket.shared.error.Unauthenticated;

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

    /** The one status of each kind of domain failure; a 422 names its field. */
    public static Problem of(DomainException failure) {
        if (failure instanceof InvalidInput invalid) {
            return ofField(422, invalid.getMessage(), invalid.field());
        }
        if (failure instanceof Conflict conflict && conflict.field() != null) {
            return ofField(409, conflict.getMessage(), conflict.field());
        }
        int status = failure instanceof NotFound ? 404
                : failure instanceof Conflict ? 409
                : failure instanceof Forbidden ? 403
                : failure instanceof Unauthenticated ? 401
                : failure instanceof TooManyAttempts ? 429
                : 400;
        return of(status, failure.getMessage());
    }

    private static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : status == 422 ? "Unprocessable Content" : "Error";
    }
}
