package org.cloudmarket.catalog.domain;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.cloudmarket.pricing.MetricPricing;
import org.cloudmarket.pricing.MetricPricing.Aggregation;
import org.cloudmarket.pricing.MetricPricing.Kind;
import org.cloudmarket.pricing.PricingScheme;
import org.cloudmarket.pricing.TierTable;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Decimals;
import org.cloudmarket.shared.text.Texts;

/**
 * A pay-per-use metric as a vendor defines it; the engine's checks run on the way in. A metric with
 * an {@code endpoint} (an absolute http or https URL) is polled at its {@code frequency} (a
 * {@link PollFrequency} name); otherwise the vendor pushes its readings. A {@code quota} limits its
 * measure per period; a blocking one stops the subscription at 100 %.
 */
public record MetricTerms(String code, String name, String unit, Kind kind, Aggregation aggregation,
                          BigDecimal includedQuantity, BigDecimal unitPrice, PricingScheme scheme, TierTable tiers,
                          String endpoint, String frequency, BigDecimal quota, boolean quotaBlocking) {

    static final int MAX_ENDPOINT = 500;
    private static final int MAX_SCALE = 4;

    public MetricTerms {
        code = Codes.require(code);
        name = Texts.required("name", name, 120);
        unit = Texts.required("unit", unit, 40);
        if (kind == null) {
            throw new InvalidInput("kind", "kind is GAUGE or COUNTER");
        }
        aggregation = aggregation == null ? defaultAggregation(kind) : aggregation;
        includedQuantity = includedQuantity == null ? BigDecimal.ZERO : Decimals.bounded("includedQuantity", includedQuantity);
        Decimals.bounded("unitPrice", unitPrice);
        if ((scheme == null) != (tiers == null)) {
            throw new InvalidInput("tiers", "A scheme needs its tiers, and tiers need a scheme");
        }
        if (tiers != null && tiers.maximum().isPresent()) {
            throw new InvalidInput("tiers", "Usage cannot be refused: the last tier of a metric has no upper bound");
        }
        if ((unitPrice != null && unitPrice.stripTrailingZeros().scale() > MAX_SCALE) || includedQuantity.stripTrailingZeros().scale() > MAX_SCALE) {
            throw new InvalidInput("unitPrice", "Prices and quantities have at most 4 decimals");
        }
        endpoint = endpoint(endpoint);
        frequency = frequency == null || frequency.isBlank() ? null : PollFrequency.named(frequency.strip()).name();
        if (endpoint != null && frequency == null) {
            throw new InvalidInput("frequency", "A polled metric says how often: give its frequency (EVERY_5_MINUTES ...)");
        }
        if (endpoint == null && frequency != null) {
            throw new InvalidInput("endpoint", "A frequency is how often the endpoint is polled: give the endpoint too");
        }
        quota = quota(quota);
        if (quotaBlocking && quota == null) {
            throw new InvalidInput("quotaBlocking", "A blocking quota needs its quota");
        }
        // the engine's checks, on the parameters: a compact constructor assigns the fields only at its end
        new MetricPricing(code, name, unit, kind, aggregation, includedQuantity, unitPrice, scheme, tiers);
    }

    /** A metric the vendor pushes readings of, without a quota of its own. */
    public MetricTerms(String code, String name, String unit, Kind kind, Aggregation aggregation,
                       BigDecimal includedQuantity, BigDecimal unitPrice, PricingScheme scheme, TierTable tiers) {
        this(code, name, unit, kind, aggregation, includedQuantity, unitPrice, scheme, tiers, null, null, null, false);
    }

    /** The same metric with a quota (the demo's and tests' way to add one). */
    public MetricTerms withQuota(BigDecimal limit, boolean blocking) {
        return new MetricTerms(code, name, unit, kind, aggregation, includedQuantity, unitPrice, scheme, tiers, endpoint, frequency,
                limit, blocking);
    }

    /** A gauge is billed by its AVERAGE over time, a counter by its INCREASE, unless the vendor says otherwise. */
    private static Aggregation defaultAggregation(Kind kind) {
        return kind == Kind.COUNTER ? Aggregation.INCREASE : Aggregation.AVERAGE;
    }

    /** Only an absolute http(s) URL can be polled: a relative path (SYNDICATION's docs allow one) has no host to call. */
    private static String endpoint(String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            return null;
        }
        String url = endpoint.strip();
        if (url.length() > MAX_ENDPOINT) {
            throw new InvalidInput("endpoint", "An endpoint is at most " + MAX_ENDPOINT + " characters");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new InvalidInput("endpoint", "An endpoint is an absolute http or https URL, like https://api.example.com/usage/users");
            }
        } catch (URISyntaxException e) {
            throw new InvalidInput("endpoint", "An endpoint is an absolute http or https URL: " + e.getReason());
        }
        return url;
    }

    private static BigDecimal quota(BigDecimal quota) {
        if (quota == null) {
            return null;
        }
        Decimals.bounded("quota", quota);
        if (quota.signum() <= 0) {
            throw new InvalidInput("quota", "A quota is a quantity above zero");
        }
        if (quota.stripTrailingZeros().scale() > MAX_SCALE) {
            throw new InvalidInput("quota", "A quota has at most 4 decimals");
        }
        return quota;
    }
}
