package org.cloudmarket.web.api;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudmarket.shared.error.DomainException;
import org.cloudmarket.shared.error.TooManyAttempts;

/** The one place where failures become HTTP statuses and problem+json bodies. Never a stack trace. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(Throwable failure) {
        Throwable cause = unwrap(failure);
        Problem problem = problemFor(cause, request);
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 401) {
            response.header("WWW-Authenticate", "Bearer");
        }
        if (cause instanceof TooManyAttempts refused) {
            response.header("Retry-After", Math.max(1, refused.retryAfter().toSeconds() + 1));
        }
        return response.build();
    }

    /**
     * The problem a failure is, for the API and for the few page-side endpoints that answer
     * problem+json too (the product page's calculator): one mapping for both.
     */
    public static Problem problemOf(Throwable failure, HttpServletRequest request) {
        return problemFor(unwrap(failure), request);
    }

    private static Problem problemFor(Throwable failure, HttpServletRequest request) {
        if (failure instanceof DomainException domain) {
            return Problem.of(domain);
        }
        if (failure instanceof EJBAccessException) {
            return request.getUserPrincipal() == null
                    ? Problem.of(401, "Sign in first: send an 'Authorization: Bearer <token>' header")
                    : Problem.of(403, "Your role may not do this");
        }
        if (failure instanceof PersistenceException && causedByConstraint(failure)) {
            return Problem.of(409, "This conflicts with a change made at the same time: reload and try again");
        }
        if (failure instanceof OptimisticLockException) {
            return Problem.of(409, "Someone else changed this at the same time: reload it and try again");
        }
        if (failure instanceof JsonbException) {
            return Problem.of(400, "The request body is not valid JSON for this resource");
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            String detail = status == 404 ? "No resource at " + request.getRequestURI()
                    : web.getResponse().getStatusInfo().getReasonPhrase() + ": " + request.getMethod() + " " + request.getRequestURI();
            return Problem.of(status, detail);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, failure);
        return Problem.of(500, "Something went wrong on our side. Incident " + incident + " has been logged.");
    }

    /** A unique key or foreign key refused the write: two requests raced for the same row. */
    private static boolean causedByConstraint(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    /** EJB containers wrap what they do not declare; the cause is the failure that matters. */
    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof EJBException && current.getCause() != null) {
            current = current.getCause();
        }
        if (current instanceof ProcessingException && current.getCause() instanceof JsonbException json) {
            return json;
        }
        return current;
    }
}
