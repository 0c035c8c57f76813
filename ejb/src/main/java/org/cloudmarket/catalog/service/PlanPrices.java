package org.cloudmarket.catalog.service;

import java.math.BigDecimal;
import java.util.Optional;
import org.cloudmarket.catalog.domain.Plan;
import org.cloudmarket.pricing.PlanPricing;
import org.cloudmarket.tenancy.domain.OrganizationKind;

/**
 * How a catalog view prices plans: at the vendors' own prices (the tenant's storefront, the
 * back-office), or at a channel storefront's (see the channel context, which implements this).
 */
public interface PlanPrices {

    /** The vendors' own prices, every plan offered. */
    PlanPrices VENDOR = new PlanPrices() {
        @Override
        public boolean atVendorPrices() {
            return true;
        }

        /** Every plan but those of a reseller's own bundles, which only its storefront offers. */
        @Override
        public boolean offers(Plan plan) {
            return plan.getProduct().getVendor().getKind() != OrganizationKind.RESELLER;
        }

        @Override
        public Optional<PlanPricing> pricing(Plan plan) {
            return Optional.of(plan.pricing());
        }

        @Override
        public Optional<BigDecimal> periodPrice(Plan plan) {
            return Optional.of(plan.periodPrice());
        }
    };

    /** True when every plan is offered at its vendor's prices, so the database can filter by price. */
    boolean atVendorPrices();

    boolean offers(Plan plan);

    /** The plan's prices here; empty when they are not shown. */
    Optional<PlanPricing> pricing(Plan plan);

    Optional<BigDecimal> periodPrice(Plan plan);
}
