package org.cloudmarket.channel.service;

import org.cloudmarket.pricing.PlanPricing;

/**
 * A plan's prices at every level of the channel (DOMAIN.md, Billing: proceeds carry the whole
 * chain): the vendor's, the wholesale and sell-in prices (in the marketplace's currency), and the
 * sell-out prices the storefront sells at (in its own currency, with its own services). A level
 * the chain does not have takes the price of the level below it: on the tenant's own storefront all
 * four are the vendor's.
 */
public record LevelPrices(PlanPricing vendor, PlanPricing wholesale, PlanPricing sellIn, PlanPricing sellOut) {
}
