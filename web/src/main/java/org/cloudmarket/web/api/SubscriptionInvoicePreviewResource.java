package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.cloudmarket.billing.service.InvoicePreview;
import org.cloudmarket.billing.service.InvoicePreviewView;
import org.cloudmarket.shared.error.InvalidInput;

/** The dry run: what a billing run at {@code at} would bill the subscription, for whoever may see it; writes nothing. */
@Path("subscriptions/{id}/invoice-preview")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionInvoicePreviewResource {

    @Inject
    private InvoicePreview preview;

    @GET
    public InvoicePreviewView preview(@PathParam("id") long id, @QueryParam("at") String at) {
        return preview.at(id, instant(at));
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput("at", "at is required: the instant of the run, like 2026-12-01T00:00:00Z");
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("at", "at is an instant like 2026-12-01T00:00:00Z");
        }
    }
}
