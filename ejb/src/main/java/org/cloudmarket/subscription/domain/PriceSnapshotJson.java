package org.cloudmarket.subscription.domain;

import static org.cloudmarket.shared.text.Jsons.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.function.Function;
import org.cloudmarket.pricing.BillingUnit;
import org.cloudmarket.pricing.ExtraResourceBilling;
import org.cloudmarket.pricing.ExtraResourcePricing;
import org.cloudmarket.pricing.MetricPricing;
import org.cloudmarket.pricing.PlanPricing;
import org.cloudmarket.pricing.PricingScheme;
import org.cloudmarket.pricing.Tier;
import org.cloudmarket.pricing.TierTable;
import org.cloudmarket.shared.money.Money;

/**
 * The JSON of a {@link PriceSnapshot}'s plans: every field of PlanPricing, amounts as strings (a
 * JSON number would pass through a double in many readers), null written as null and a missing
 * key an error, so that what is read back is what was written or nothing.
 */
final class PriceSnapshotJson {

    private PriceSnapshotJson() {
    }

    static JsonObjectBuilder plan(PlanPricing plan) {
        JsonArrayBuilder extras = JSON.createArrayBuilder();
        plan.extraResources().forEach(resource -> extras.add(JSON.createObjectBuilder()
                .add("code", resource.code()).add("name", resource.name()).add("unit", resource.unit())
                .add("scheme", resource.scheme().name()).add("tiers", tiers(resource.tiers())).add("billing", resource.billing().name())
                .add("metricCode", resource.metricCode() == null ? JsonValue.NULL : JSON.createValue(resource.metricCode()))));
        JsonArrayBuilder metrics = JSON.createArrayBuilder();
        plan.metrics().forEach(metric -> {
            JsonObjectBuilder json = JSON.createObjectBuilder()
                    .add("code", metric.code()).add("name", metric.name()).add("unit", metric.unit())
                    .add("kind", metric.kind().name()).add("aggregation", metric.aggregation().name())
                    .add("includedQuantity", metric.includedQuantity().toPlainString());
            metrics.add(metric.unitPrice() != null
                    ? json.add("unitPrice", metric.unitPrice().toPlainString()).addNull("scheme").addNull("tiers")
                    : json.addNull("unitPrice").add("scheme", metric.scheme().name()).add("tiers", tiers(metric.tiers())));
        });
        return JSON.createObjectBuilder()
                .add("name", plan.name()).add("currency", plan.license().currency().getCurrencyCode())
                .add("license", plan.license().amount().toPlainString()).add("setupFee", plan.setupFee().amount().toPlainString())
                .add("billingFrequency", plan.billingFrequency()).add("unit", plan.unit().name())
                .add("minimumDuration", plan.minimumDuration()).add("trialDays", plan.trialDays())
                .add("extraResources", extras).add("metrics", metrics);
    }

    private static JsonArrayBuilder tiers(TierTable table) {
        JsonArrayBuilder tiers = JSON.createArrayBuilder();
        table.tiers().forEach(tier -> {
            JsonObjectBuilder json = JSON.createObjectBuilder().add("from", tier.from()).add("price", tier.price().toPlainString());
            tiers.add(tier.to() == null ? json.addNull("to") : json.add("to", tier.to()));
        });
        return tiers;
    }

    static PlanPricing plan(JsonObject snapshot, String level) {
        return plan(value(snapshot, level, JsonObject.class, Function.identity()));
    }

    private static PlanPricing plan(JsonObject plan) {
        Currency currency = Currency.getInstance(text(plan, "currency"));
        return new PlanPricing(text(plan, "name"), new Money(decimal(plan, "license"), currency), new Money(decimal(plan, "setupFee"), currency),
                integer(plan, "billingFrequency"), BillingUnit.valueOf(text(plan, "unit")), integer(plan, "minimumDuration"),
                integer(plan, "trialDays"),
                array(plan, "extraResources").getValuesAs(JsonObject.class).stream().map(resource -> extraResource(plan, resource)).toList(),
                array(plan, "metrics").getValuesAs(JsonObject.class).stream().map(metric -> {
                    MetricPricing.Kind kind = MetricPricing.Kind.valueOf(text(metric, "kind"));
                    return new MetricPricing(text(metric, "code"), text(metric, "name"), text(metric, "unit"), kind,
                            aggregation(kind, text(metric, "aggregation")),
                            decimal(metric, "includedQuantity"), decimalOrNull(metric, "unitPrice"),
                            isNull(metric, "scheme") ? null : PricingScheme.valueOf(text(metric, "scheme")),
                            isNull(metric, "tiers") ? null : tiers(array(metric, "tiers")));
                }).toList());
    }

    /**
     * Snapshots written before issue 12 say {@code "prepaid": true|false}: false was a resource billed on use, which
     * became PAY_AS_YOU_GO measured by the plan's metric of its code, when there is one (as the migration reads it).
     */
    private static ExtraResourcePricing extraResource(JsonObject plan, JsonObject resource) {
        String code = text(resource, "code");
        ExtraResourceBilling billing;
        String metricCode;
        if (resource.containsKey("billing")) {
            billing = ExtraResourceBilling.valueOf(text(resource, "billing"));
            metricCode = isNull(resource, "metricCode") ? null : text(resource, "metricCode");
        } else {
            billing = ExtraResourceBilling.ofPrepaid(bool(resource, "prepaid"), ExtraResourceBilling.PAY_AS_YOU_GO);
            metricCode = billing == ExtraResourceBilling.PAY_AS_YOU_GO && array(plan, "metrics").getValuesAs(JsonObject.class).stream()
                    .anyMatch(metric -> text(metric, "code").equals(code)) ? code : null;
        }
        return new ExtraResourcePricing(code, text(resource, "name"), text(resource, "unit"),
                PricingScheme.valueOf(text(resource, "scheme")), tiers(array(resource, "tiers")), billing, metricCode);
    }

    /** Counters were measured by AVERAGE (or PEAK) before they had INCREASE and VALUE: read as the migration reads them. */
    private static MetricPricing.Aggregation aggregation(MetricPricing.Kind kind, String written) {
        MetricPricing.Aggregation aggregation = MetricPricing.Aggregation.valueOf(written);
        return aggregation.suits(kind) ? aggregation
                : kind == MetricPricing.Kind.COUNTER ? MetricPricing.Aggregation.INCREASE : MetricPricing.Aggregation.AVERAGE;
    }

    private static TierTable tiers(JsonArray tiers) {
        return new TierTable(tiers.getValuesAs(JsonObject.class).stream().map(tier -> new Tier(
                value(tier, "from", JsonNumber.class, JsonNumber::longValueExact),
                isNull(tier, "to") ? null : value(tier, "to", JsonNumber.class, JsonNumber::longValueExact),
                decimal(tier, "price"))).toList());
    }

    static String text(JsonObject json, String key) {
        return value(json, key, JsonString.class, JsonString::getString);
    }

    private static BigDecimal decimal(JsonObject json, String key) {
        return new BigDecimal(text(json, key));
    }

    static BigDecimal decimalOrNull(JsonObject json, String key) {
        return isNull(json, key) ? null : decimal(json, key);
    }

    private static boolean bool(JsonObject json, String key) {
        return switch (value(json, key, JsonValue.class, JsonValue::getValueType)) {
            case TRUE -> true;
            case FALSE -> false;
            default -> PriceSnapshotJson.<Boolean>fail("\"" + key + "\" is not true or false");
        };
    }

    private static int integer(JsonObject json, String key) {
        return value(json, key, JsonNumber.class, JsonNumber::intValueExact);
    }

    private static JsonArray array(JsonObject json, String key) {
        return value(json, key, JsonArray.class, Function.identity());
    }

    /** Null written as null; a key that is missing is malformed, not null. */
    private static boolean isNull(JsonObject json, String key) {
        return value(json, key, JsonValue.class, JsonValue::getValueType) == ValueType.NULL;
    }

    private static <J extends JsonValue, T> T value(JsonObject json, String key, Class<J> type, Function<J, T> read) {
        JsonValue value = json.get(key);
        if (value == null) {
            return fail("\"" + key + "\" is missing");
        }
        if (!type.isInstance(value)) {
            return fail("\"" + key + "\" is not a " + type.getSimpleName() + ": " + value);
        }
        return read.apply(type.cast(value));
    }

    private static <T> T fail(String message) {
        throw new IllegalArgumentException(message);
    }
}
