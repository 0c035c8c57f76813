package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cloudmarket.metering.service.UsageSummaries;

/** A subscription's usage in its current period so far, per metric, with its estimated cost and quota (issue 12). */
@Path("subscriptions/{id}/usage/summary")
@Produces(MediaType.APPLICATION_JSON)
public class UsageSummaryResource {

    @Inject
    private UsageSummaries summaries;

    @GET
    public UsageSummaries.Summary read(@PathParam("id") long id) {
        return summaries.of(id);
    }
}
