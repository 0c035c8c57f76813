package org.cloudmarket.subscription.domain;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.pricing.ExtraResourcePricing;
import org.cloudmarket.pricing.PriceChain;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Money;

/**
 * A prepaid extra resource's quantity changed inside a period (DOMAIN.md, Changes): up at once
 * with a proration pair, a credit of the old quantity's scaled price and a debit of the new
 * one's; down at the next period start. The prices are those of the commitment window, so the
 * caller passes the resource as the subscription's {@link PriceSnapshot} keeps it. Each upgrade
 * is its own pair: a second one in the period credits what the first debited.
 */
public final class QuantityChange {

    private QuantityChange() {
    }

    public static PricedChange price(ExtraResourcePricing atWindowPrices, Currency currency, BillingPeriod period, Instant at,
                                     long oldQuantity, long newQuantity) {
        if (!atWindowPrices.prepaid()) {
            throw new InvalidInput("extraResources", atWindowPrices.name() + " is not prepaid: it is billed at the period's end, nothing is prorated");
        }
        if (at.isBefore(period.start()) || !at.isBefore(period.end())) {
            throw new IllegalArgumentException("A change at " + at + " is outside the period " + period);
        }
        Money oldPrice = atWindowPrices.periodPrice(oldQuantity, currency);
        Money newPrice = atWindowPrices.periodPrice(newQuantity, currency);
        if (newQuantity < oldQuantity) {
            return PricedChange.deferred(period, currency);
        }
        if (newQuantity == oldQuantity) {
            return PricedChange.now(at, currency, List.of());
        }
        String component = PriceChain.extraResource(atWindowPrices.code());
        return PricedChange.now(at, currency, List.of(
                ProrationLine.credit(component, oldQuantity, oldPrice, period, at),
                ProrationLine.debit(component, newQuantity, newPrice, period, at)));
    }
}
