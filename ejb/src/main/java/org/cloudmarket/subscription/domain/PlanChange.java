package org.cloudmarket.subscription.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cloudmarket.pricing.BillingPeriod;
import org.cloudmarket.pricing.ExtraResourcePricing;
import org.cloudmarket.pricing.PlanPricing;
import org.cloudmarket.pricing.PriceChain;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Money;

/**
 * A plan change on a live subscription (DOMAIN.md, Decisions: Changes). To a dearer plan, one
 * with a higher price per hour of license plus prepaid items (per hour, so that an hourly and a
 * monthly plan compare), it is PAID now: each component of the old plan is credited and each of
 * the new one debited for the share of the period left, hours rounded up, at the prices the
 * caller passes (the current window's). To a cheaper or equal plan it is DEFERRED to the next
 * period start. The setup fee belongs to a first period only and is not part of a change.
 */
public final class PlanChange {

    private PlanChange() {
    }

    /** A change that keeps the prepaid quantities. */
    public static PricedChange price(PlanPricing oldPlan, PlanPricing newPlan, Map<String, Long> quantities, BillingPeriod period,
                                     Instant at) {
        return price(oldPlan, quantities, newPlan, quantities, period, at);
    }

    public static PricedChange price(PlanPricing oldPlan, Map<String, Long> oldQuantities, PlanPricing newPlan,
                                     Map<String, Long> newQuantities, BillingPeriod period, Instant at) {
        Currency currency = oldPlan.license().currency();
        if (!newPlan.license().currency().equals(currency)) {
            throw new InvalidInput("planId", newPlan.name() + " is priced in " + newPlan.license().currency() + ", the subscription in " + currency);
        }
        if (at.isBefore(period.start()) || !at.isBefore(period.end())) {
            throw new IllegalArgumentException("A change at " + at + " is outside the period " + period);
        }
        List<Item> oldItems = items(oldPlan, oldQuantities);
        List<Item> newItems = items(newPlan, newQuantities);
        if (perHour(newPlan, newItems).compareTo(perHour(oldPlan, oldItems)) <= 0) {
            return PricedChange.deferred(period, currency);
        }
        List<ProrationLine> lines = new ArrayList<>();
        oldItems.forEach(item -> lines.add(ProrationLine.credit(item.component(), item.quantity(), item.price(), period, at)));
        newItems.forEach(item -> lines.add(ProrationLine.debit(item.component(), item.quantity(),
                forThisPeriod(item.price(), oldPlan, newPlan, period), period, at)));
        return PricedChange.now(at, currency, lines);
    }

    /** A component of a plan as bought, priced for one whole period of the plan. */
    private record Item(String component, long quantity, Money price) {
    }

    /** The license, then every prepaid item bought, by code; a post-paid one is billed at the period's end, never prorated. */
    private static List<Item> items(PlanPricing plan, Map<String, Long> quantities) {
        List<Item> items = new ArrayList<>();
        items.add(new Item(PriceChain.LICENSE, 1, plan.license()));
        new TreeMap<>(quantities).forEach((code, quantity) -> {
            ExtraResourcePricing resource = plan.chosenResource(code);
            Money price = resource.periodPrice(quantity, plan.license().currency());
            if (quantity > 0 && resource.prepaid()) {
                items.add(new Item(PriceChain.extraResource(code), quantity, price));
            }
        });
        return items;
    }

    private static BigDecimal perHour(PlanPricing plan, List<Item> items) {
        BigDecimal period = items.stream().map(item -> item.price().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        return plan.unit().perHour(period, plan.billingFrequency());
    }

    /**
     * The new plan's price for the current period, which is one of the old plan's: the same when
     * both bill alike, in proportion when only the frequency differs (a quarter's price for one
     * month is a third), by the hour when one bills in hours and the other in months.
     */
    private static Money forThisPeriod(Money newPrice, PlanPricing oldPlan, PlanPricing newPlan, BillingPeriod period) {
        if (newPlan.unit() != oldPlan.unit()) {
            return new Money(newPlan.unit().perHour(newPrice.amount(), newPlan.billingFrequency()), newPrice.currency())
                    .times(period.hours());
        }
        if (newPlan.billingFrequency() == oldPlan.billingFrequency()) {
            return newPrice;
        }
        return newPrice.times(oldPlan.billingFrequency()).dividedBy(BigDecimal.valueOf(newPlan.billingFrequency()));
    }
}
