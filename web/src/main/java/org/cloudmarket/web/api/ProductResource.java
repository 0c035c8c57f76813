package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import org.cloudmarket.catalog.domain.ProductImage;
import org.cloudmarket.catalog.domain.ProductKind;
import org.cloudmarket.catalog.service.ProductDirectory;
import org.cloudmarket.catalog.service.ProductEditor;
import org.cloudmarket.catalog.service.PlanTrialCosts;
import org.cloudmarket.catalog.service.PlatformFees;
import org.cloudmarket.catalog.service.ProductReview;
import org.cloudmarket.catalog.service.ProductSummary;
import org.cloudmarket.catalog.service.ProductView;
import org.cloudmarket.shared.media.ServedImage;
import org.cloudmarket.web.api.CatalogRequests.BundleRequest;
import org.cloudmarket.web.api.CatalogRequests.DecisionRequest;
import org.cloudmarket.web.api.CatalogRequests.ExtraResourceRequest;
import org.cloudmarket.web.api.CatalogRequests.MetricRequest;
import org.cloudmarket.web.api.CatalogRequests.PlanRequest;
import org.cloudmarket.web.api.CatalogRequests.ProductRequest;
import org.cloudmarket.web.media.ImageHeaders;

/**
 * Products with their plans, metrics, extra resources and bundle compositions: vendors write,
 * staff review, everyone reads what they may (the services decide who sees what).
 */
@Path("products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProductResource {

    @Inject
    private ProductDirectory directory;

    @Inject
    private ProductEditor editor;

    @Inject
    private ProductReview review;

    @Inject
    private PlanTrialCosts trialCosts;

    @Inject
    private PlatformFees platformFees;

    /** An extra resource's own platform fee, a percentage (the tenant ADMIN's); null gives it the marketplace's again. */
    public record PlatformFeeRequest(BigDecimal platformFeePercent) {
    }

    /** The tenant ADMIN's daily trial and sandbox cost of a plan (charged to its vendor). */
    public record TrialCostRequest(BigDecimal dailyTrialCost) {
    }

    @GET
    public List<ProductSummary> list() {
        return directory.list();
    }

    @POST
    public Response create(ProductRequest request) {
        ProductRequest body = Inputs.body(request);
        ProductView created = editor.create(body.details(), Inputs.enumValue("kind", ProductKind.class, body.kind()));
        return Response.status(Response.Status.CREATED).header("Location", "products/" + created.id()).entity(created).build();
    }

    @GET
    @Path("{id}")
    public ProductView get(@PathParam("id") long id) {
        return directory.get(id);
    }

    @PUT
    @Path("{id}")
    public ProductView describe(@PathParam("id") long id, ProductRequest request) {
        return editor.describe(id, Inputs.body(request).details());
    }

    @POST
    @Path("{id}/plans")
    public Response addPlan(@PathParam("id") long id, PlanRequest request) {
        ProductView product = editor.addPlan(id, Inputs.body(request).terms(editor.currency()));
        return Response.status(Response.Status.CREATED).entity(product).build();
    }

    @PUT
    @Path("{id}/plans/{planId}")
    public ProductView updatePlan(@PathParam("id") long id, @PathParam("planId") long planId, PlanRequest request) {
        return editor.updatePlan(id, planId, Inputs.body(request).terms(editor.currency()));
    }

    @PUT
    @Path("{id}/plans/{planId}/daily-trial-cost")
    public ProductView setDailyTrialCost(@PathParam("id") long id, @PathParam("planId") long planId, TrialCostRequest request) {
        return trialCosts.set(id, planId, Inputs.bounded("dailyTrialCost", Inputs.body(request).dailyTrialCost()));
    }

    @PUT
    @Path("{id}/plans/{planId}/extra-resources/{resourceId}/platform-fee")
    public ProductView setPlatformFee(@PathParam("id") long id, @PathParam("planId") long planId, @PathParam("resourceId") long resourceId,
                                      PlatformFeeRequest request) {
        return platformFees.set(id, planId, resourceId, Inputs.bounded(PlatformFees.FIELD, Inputs.body(request).platformFeePercent()));
    }

    @DELETE
    @Path("{id}/plans/{planId}")
    public ProductView removePlan(@PathParam("id") long id, @PathParam("planId") long planId) {
        return editor.removePlan(id, planId);
    }

    @POST
    @Path("{id}/plans/{planId}/extra-resources")
    public Response addExtraResource(@PathParam("id") long id, @PathParam("planId") long planId, ExtraResourceRequest request) {
        ProductView product = editor.addExtraResource(id, planId, Inputs.body(request).terms());
        return Response.status(Response.Status.CREATED).entity(product).build();
    }

    @PUT
    @Path("{id}/plans/{planId}/extra-resources/{resourceId}")
    public ProductView updateExtraResource(@PathParam("id") long id, @PathParam("planId") long planId,
                                           @PathParam("resourceId") long resourceId, ExtraResourceRequest request) {
        return editor.updateExtraResource(id, planId, resourceId, Inputs.body(request).terms());
    }

    @DELETE
    @Path("{id}/plans/{planId}/extra-resources/{resourceId}")
    public ProductView removeExtraResource(@PathParam("id") long id, @PathParam("planId") long planId,
                                           @PathParam("resourceId") long resourceId) {
        return editor.removeExtraResource(id, planId, resourceId);
    }

    @POST
    @Path("{id}/plans/{planId}/metrics")
    public Response addMetric(@PathParam("id") long id, @PathParam("planId") long planId, MetricRequest request) {
        ProductView product = editor.addMetric(id, planId, Inputs.body(request).terms());
        return Response.status(Response.Status.CREATED).entity(product).build();
    }

    @DELETE
    @Path("{id}/plans/{planId}/metrics/{metricId}")
    public ProductView removeMetric(@PathParam("id") long id, @PathParam("planId") long planId,
                                    @PathParam("metricId") long metricId) {
        return editor.removeMetric(id, planId, metricId);
    }

    @PUT
    @Path("{id}/plans/{planId}/bundle-items")
    public ProductView composeBundle(@PathParam("id") long id, @PathParam("planId") long planId, BundleRequest request) {
        return editor.composeBundle(id, planId, Inputs.components(Inputs.body(request).components()));
    }

    @PUT
    @Path("{id}/logo")
    @Consumes({"image/png", "image/jpeg", "image/webp"})
    public ProductView setLogo(@PathParam("id") long id, byte[] image) {
        return editor.setLogo(id, image);
    }

    @GET
    @Path("{id}/logo")
    @Produces({"image/png", "image/jpeg", "image/webp"})
    public Response logo(@PathParam("id") long id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return image(directory.image(id, ProductImage.Kind.LOGO, 0, ImageHeaders.clientHolds(ifNoneMatch)));
    }

    @POST
    @Path("{id}/screenshots")
    @Consumes({"image/png", "image/jpeg", "image/webp"})
    public Response addScreenshot(@PathParam("id") long id, byte[] image) {
        return Response.status(Response.Status.CREATED).entity(editor.addScreenshot(id, image)).build();
    }

    @GET
    @Path("{id}/screenshots/{position}")
    @Produces({"image/png", "image/jpeg", "image/webp"})
    public Response screenshot(@PathParam("id") long id, @PathParam("position") int position,
                               @HeaderParam("If-None-Match") String ifNoneMatch) {
        return image(directory.image(id, ProductImage.Kind.SCREENSHOT, position, ImageHeaders.clientHolds(ifNoneMatch)));
    }

    @POST
    @Path("{id}/submit")
    @Consumes(MediaType.WILDCARD)
    public ProductView submit(@PathParam("id") long id) {
        return editor.submit(id);
    }

    @POST
    @Path("{id}/approve")
    public ProductView approve(@PathParam("id") long id, DecisionRequest request) {
        return review.decide(id, true, request == null ? null : request.reason());
    }

    @POST
    @Path("{id}/reject")
    public ProductView reject(@PathParam("id") long id, DecisionRequest request) {
        return review.decide(id, false, request == null ? null : request.reason());
    }

    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.WILDCARD)
    public ProductView publish(@PathParam("id") long id) {
        return editor.publish(id);
    }

    @POST
    @Path("{id}/retire")
    @Consumes(MediaType.WILDCARD)
    public ProductView retire(@PathParam("id") long id) {
        return editor.retire(id);
    }

    /**
     * A product's pictures change only while it is edited, by its vendor: a minute's lifetime, then
     * a revalidation that costs a 304. Private: a draft's pictures are for its vendor and the staff.
     */
    private static Response image(ServedImage image) {
        Response.ResponseBuilder response = image.unchanged() ? Response.notModified()
                : Response.ok(image.data().orElseThrow(), image.tag().contentType()).header("X-Content-Type-Options", "nosniff");
        return response.header("ETag", ImageHeaders.etag(image.tag())).header("Cache-Control", "private, max-age=60").build();
    }
}
