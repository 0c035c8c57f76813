package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.cloudmarket.billing.service.LifecycleRunView;
import org.cloudmarket.billing.service.LifecycleRuns;

/** Lifecycle runs of the caller's marketplace (renewal reminders, dunning, suspensions, ends), ADMIN only: LifecycleRuns. */
@Path("lifecycle-runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LifecycleRunResource {

    /** The instant to run at (an ISO instant up to now); absent, now. */
    public record LifecycleRunRequest(String at) {
    }

    @Inject
    private LifecycleRuns runs;

    /** Started, not finished: 202 with the run, which GET /lifecycle-runs/{id} follows. */
    @POST
    public Response start(LifecycleRunRequest request) {
        LifecycleRunView run = runs.start(request == null ? null : request.at());
        return Response.accepted(run).location(URI.create("lifecycle-runs/" + run.id())).build();
    }

    @GET
    @Path("{id}")
    public LifecycleRunView get(@PathParam("id") long id) {
        return runs.get(id);
    }
}
