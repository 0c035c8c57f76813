package org.cloudmarket.pricing;

/**
 * How an extra resource of a plan is priced. Prepaid resources are billed with the license at the
 * start of each period and so appear in a quote; pay-as-you-go ones are billed on use at its end.
 */
public record ExtraResourcePricing(String code, String name, String unit, PricingScheme scheme, TierTable tiers, boolean prepaid) {
}
