package org.cloudmarket.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.cloudmarket.ordering.domain.Coupon;
import org.cloudmarket.ordering.domain.CouponTerms;
import org.cloudmarket.ordering.service.CouponView;
import org.cloudmarket.ordering.service.Coupons;
import org.cloudmarket.pricing.Coupon.DiscountDestination;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Money;

/** Coupons of the marketplace, of a vendor or of a reseller: each issuer lists and issues its own. */
@Path("coupons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CouponResource {

    public record CouponRequest(String code, Long productId, Long planId, String effect, BigDecimal percentOff, BigDecimal amount,
                                String destination, Integer trialDays, String validFrom, String validUntil, Boolean reusable,
                                String targetEmail, Integer trialBudget) {
    }

    @Inject
    private Coupons coupons;

    @GET
    public List<CouponView> mine() {
        return coupons.mine();
    }

    @POST
    public Response issue(CouponRequest request) {
        CouponRequest body = Inputs.body(request);
        CouponTerms terms = new CouponTerms(body.code(), Inputs.requiredEnum("effect", Coupon.Effect.class, body.effect()),
                Inputs.bounded("percentOff", body.percentOff()),
                body.amount() == null ? null : new Money(Inputs.bounded("amount", body.amount()), coupons.currency()),
                Inputs.enumValue("destination", DiscountDestination.class, body.destination()), body.trialDays(),
                instant("validFrom", body.validFrom()), instant("validUntil", body.validUntil()), !Boolean.FALSE.equals(body.reusable()),
                body.targetEmail(), body.trialBudget());
        return Response.status(Response.Status.CREATED).entity(coupons.issue(body.productId(), body.planId(), terms)).build();
    }

    private static Instant instant(String field, String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, field + " is an instant like 2026-12-01T00:00:00Z");
        }
    }
}
