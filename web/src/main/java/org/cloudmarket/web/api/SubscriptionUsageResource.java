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
import org.cloudmarket.metering.domain.Granularity;
import org.cloudmarket.metering.service.UsageReport;
import org.cloudmarket.metering.service.UsageView;
import org.cloudmarket.shared.error.InvalidInput;

/** A subscription's usage of one metric, hour by hour or day by day, for whoever may see the subscription. */
@Path("subscriptions/{id}/usage")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionUsageResource {

    @Inject
    private UsageReport report;

    @GET
    public UsageView usage(@PathParam("id") long id, @QueryParam("metric") String metric, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("granularity") String granularity) {
        return report.usage(id, metric, instant("from", from), instant("to", to), Inputs.enumValue("granularity", Granularity.class, granularity));
    }

    private static Instant instant(String field, String value) {
        try {
            return value == null || value.isBlank() ? null : Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, field + " is an instant like 2026-12-01T00:00:00Z");
        }
    }
}
