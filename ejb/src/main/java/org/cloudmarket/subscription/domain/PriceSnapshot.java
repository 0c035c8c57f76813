package org.cloudmarket.subscription.domain;

import static org.cloudmarket.shared.text.Jsons.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Currency;
import org.cloudmarket.pricing.ExchangeRate;
import org.cloudmarket.pricing.PlanPricing;
import org.cloudmarket.shared.error.DomainException;

/**
 * The prices a subscription keeps for its commitment window (DOMAIN.md, Price changes): the plan
 * as every level of the channel resolved it at the window's start (a level that is absent repeats
 * the one below), the marketplace's and the order's currency and the rate between them (null when
 * they are the same). Kept as JSON in one column, so later price-list changes cannot reach it;
 * amounts are written as strings so that no decimal is lost on the way.
 */
public record PriceSnapshot(PlanPricing vendor, PlanPricing wholesale, PlanPricing sellIn, PlanPricing sellOut,
                            Currency marketplaceCurrency, Currency orderCurrency, ExchangeRate exchangeRate) {

    /**
     * Where {@link #toJson} writes the sell-out plan's billing unit and frequency (JSON paths, as SQL's JSON_VALUE takes
     * them): the subscription's periods follow them, and a reader that needs only these need not read the whole snapshot.
     */
    public static final String SELL_OUT_UNIT = "$.sellOut.unit";
    public static final String SELL_OUT_FREQUENCY = "$.sellOut.billingFrequency";

    /** A stored snapshot that cannot be read back: a bug or a hand edit, never the buyer's input. */
    public static final class Malformed extends IllegalArgumentException {
        Malformed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public PriceSnapshot {
        if (exchangeRate == null ? !marketplaceCurrency.equals(orderCurrency)
                : !exchangeRate.from().equals(marketplaceCurrency) || !exchangeRate.to().equals(orderCurrency)) {
            throw new IllegalArgumentException("An order in " + orderCurrency + " on a marketplace in " + marketplaceCurrency
                    + " needs the rate between them, and only then: " + exchangeRate);
        }
        if (!sellOut.license().currency().equals(orderCurrency)) {
            throw new IllegalArgumentException("The sell-out prices are the order's, in " + orderCurrency + ": " + sellOut.license());
        }
    }

    public String toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("marketplaceCurrency", marketplaceCurrency.getCurrencyCode())
                .add("orderCurrency", orderCurrency.getCurrencyCode())
                .add("vendor", PriceSnapshotJson.plan(vendor)).add("wholesale", PriceSnapshotJson.plan(wholesale))
                .add("sellIn", PriceSnapshotJson.plan(sellIn)).add("sellOut", PriceSnapshotJson.plan(sellOut));
        return (exchangeRate == null ? json.addNull("exchangeRate") : json.add("exchangeRate", exchangeRate.rate().toPlainString()))
                .build().toString();
    }

    public static PriceSnapshot fromJson(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonObject snapshot = reader.readObject();
            Currency marketplace = Currency.getInstance(PriceSnapshotJson.text(snapshot, "marketplaceCurrency"));
            Currency order = Currency.getInstance(PriceSnapshotJson.text(snapshot, "orderCurrency"));
            BigDecimal rate = PriceSnapshotJson.decimalOrNull(snapshot, "exchangeRate");
            return new PriceSnapshot(PriceSnapshotJson.plan(snapshot, "vendor"), PriceSnapshotJson.plan(snapshot, "wholesale"),
                    PriceSnapshotJson.plan(snapshot, "sellIn"), PriceSnapshotJson.plan(snapshot, "sellOut"), marketplace, order,
                    rate == null ? null : new ExchangeRate(marketplace, order, rate));
        } catch (JsonException | ClassCastException | IllegalArgumentException | ArithmeticException | DomainException e) {
            throw new Malformed("A price snapshot that cannot be read: " + e.getMessage(), e);
        }
    }
}
