package org.cloudmarket.ordering.service;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
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

    public QuoteView quote(QuoteCommand command) {
        Plan plan = entityManager.find(Plan.class, command.planId());
        if (plan == null) {
            throw new NotFound("Plan " + command.planId() + " was not found");
        }
        access.readable(plan.getProduct().getId()); // a draft's plan is "not found" to others
        Tenant tenant = entityManager.find(Tenant.class, tenantContext.requireTenantId());
        Instant at = command.start() == null ? clock.instant() : command.start().atStartOfDay(tenant.getTimeZone()).toInstant();
        // the storefront's prices: the vendor's on the tenant's storefront, the channel's elsewhere
        StorefrontChain prices = storefrontPricing.current();
        NotFound notSoldHere = new NotFound(plan.getProduct().getName() + " " + plan.getName() + " is not priced on this storefront");
        Quote quote;
        if (plan.getProduct().getKind() == ProductKind.BUNDLE) {
            if (!command.extraResources().isEmpty() || !command.usage().isEmpty() || (command.couponCode() != null && !command.couponCode().isBlank())) {
                throw new InvalidInput("planId", "A bundle is priced by its plans alone: no extra resources, usage or coupon");
            }
            quote = PriceCalculator.quoteBundle(prices.bundle(plan).orElseThrow(() -> notSoldHere), command.duration(), at);
        } else {
            quote = PriceCalculator.quote(new QuoteRequest(prices.pricing(plan).orElseThrow(() -> notSoldHere), command.duration(),
                    command.extraResources(), coupon(command.couponCode(), plan, prices), at, command.usage(), tenant.getTimeZone()));
        }
        return QuoteView.of(plan.getId(), quote);
    }

    private Optional<org.cloudmarket.pricing.Coupon> coupon(String code, Plan plan, StorefrontChain prices) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String normalized = code.strip().toUpperCase(Locale.ROOT);
        Coupon coupon = entityManager.createNamedQuery(Coupon.BY_CODE, Coupon.class).setParameter("code", normalized)
                .getResultStream().findFirst()
                .orElseThrow(() -> new InvalidInput("couponCode", "There is no coupon " + normalized));
        if (!coupon.validOn(prices.ownerId())) {
            throw new InvalidInput("couponCode", "Coupon " + normalized + " is not valid on this storefront");
        }
        if (!coupon.appliesTo(plan)) {
            throw new InvalidInput("couponCode", "Coupon " + normalized + " does not apply to " + plan.getProduct().getName()
                    + " " + plan.getName());
        }
        return Optional.of(coupon.pricing());
    }
}
