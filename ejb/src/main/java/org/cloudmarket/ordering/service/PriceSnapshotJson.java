package org.cloudmarket.ordering.service;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.cloudmarket.channel.service.LevelPrices;
import org.cloudmarket.pricing.ExtraResourcePricing;
import org.cloudmarket.pricing.PlanPricing;

/**
 * A minimal stand-in for h/cycle's PriceSnapshot codec, until it lands on main: every level of the
 * chain (vendor, wholesale, sell-in, sell-out) as JSON, so that a subscription keeps the prices of
 * its window whatever the price lists do later. Replace by PriceSnapshot once merged.
 */
final class PriceSnapshotJson {

    private PriceSnapshotJson() {
    }

    static String of(LevelPrices levels) {
        return Json.createObjectBuilder().add("vendor", level(levels.vendor())).add("wholesale", level(levels.wholesale()))
                .add("sellIn", level(levels.sellIn())).add("sellOut", level(levels.sellOut())).build().toString();
    }

    private static JsonObjectBuilder level(PlanPricing plan) {
        var extras = Json.createArrayBuilder();
        for (ExtraResourcePricing resource : plan.extraResources()) {
            extras.add(Json.createObjectBuilder().add("code", resource.code()).add("prepaid", resource.prepaid())
                    .add("scheme", resource.scheme().name()).add("tiers", String.valueOf(resource.tiers())));
        }
        return Json.createObjectBuilder().add("currency", plan.license().currency().getCurrencyCode())
                .add("license", plan.license().amount()).add("setupFee", plan.setupFee().amount())
                .add("billingFrequency", plan.billingFrequency()).add("unit", plan.unit().name())
                .add("minimumDuration", plan.minimumDuration()).add("extraResources", extras);
    }
}
