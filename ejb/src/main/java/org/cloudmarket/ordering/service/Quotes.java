package org.cloudmarket.ordering.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.catalog.domain.ProductKind;
import org.cloudmarket.catalog.service.CatalogAccess;
import org.cloudmarket.channel.service.StorefrontChain;
import org.cloudmarket.channel.service.StorefrontPricing;
import org.cloudmarket.ordering.domain.Coupon;
import org.cloudmarket.pricing.PriceCalculator;
import org.cloudmarket.pricing.Quote;
import org.cloudmarket.pricing.QuoteRequest;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.error.NotFound;
import org.cloudmarket.shared.tenant.TenantContext;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * Prices a purchase with the pricing engine, for the storefront's calculator and the API. Anyone
 * may ask for a published plan; a vendor and the staff may also price plans not yet published.
 */
@Stateless
@PermitAll
public class Quotes {

    @Inject
    private EntityManager entityManager;

    @Inject
    private CatalogAccess access;

    @Inject
    private TenantContext tenantContext;

    @Inject
    private StorefrontPricing storefrontPricing;

    @Inject
    private Clock clock;

    @Inject
    private OrderPricing orderPricing;

    public QuoteView quote(QuoteCommand command) {
        Plan plan = entityManager.find(Plan.class, command.planId());
        if (plan == null) {
            throw new NotFound("Plan " + command.planId() + " was not found");
        }
        access.readable(plan.getProduct().getId()); // a draft's plan is "not found" to others
        Tenant tenant = entityManager.find(Tenant.class, tenantContext.requireTenantId());
        // the coupon must be valid now, when the buyer commits; a later start only moves the first period
        Instant now = clock.instant();
        Instant start = startOf(command.start(), tenant.getTimeZone(), now);
        // the storefront's prices: the vendor's on the tenant's storefront, the channel's elsewhere
        StorefrontChain prices = storefrontPricing.current();
        NotFound notSoldHere = new NotFound(plan.getProduct().getName() + " " + plan.getName() + " is not priced on this storefront");
        Quote quote;
        if (plan.getProduct().getKind() == ProductKind.BUNDLE) {
            if (!command.extraResources().isEmpty() || !command.usage().isEmpty() || (command.couponCode() != null && !command.couponCode().isBlank())) {
                throw new InvalidInput("planId", "A bundle is priced by its plans alone: no extra resources, usage or coupon");
            }
            quote = PriceCalculator.quoteBundle(prices.bundle(plan).orElseThrow(() -> notSoldHere), command.duration(), now);
        } else {
            quote = PriceCalculator.quote(new QuoteRequest(prices.pricing(plan).orElseThrow(() -> notSoldHere), command.duration(),
                    command.extraResources(), orderPricing.coupon(command.couponCode(), plan, prices).map(Coupon::pricing), now, command.usage(), tenant.getTimeZone(),
                    start));
        }
        return QuoteView.of(plan.getId(), quote);
    }

    /** The day a quoted purchase starts; see {@link OrderPricing#startOf}. */
    static Instant startOf(LocalDate day, ZoneId zone, Instant now) {
        return OrderPricing.startOf(day, zone, now);
    }
}
