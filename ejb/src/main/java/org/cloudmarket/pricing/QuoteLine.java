package org.cloudmarket.pricing;

import java.math.BigDecimal;
import org.cloudmarket.shared.money.Money;

/**
 * One line of a quote: {@code amount} is {@code unitPrice} times {@code quantity}, rounded to the
 * currency's minor unit once; the unit price is not rounded. A line charged every billing period
 * (license, extra resources, usage, an amount off) counts periods; a one-off line counts 1. The
 * component names what the line prices in the channel's terms ({@link PriceChain#LICENSE},
 * {@link PriceChain#SETUP_FEE}, {@code extra:<code>}, {@code metric:<code>}), or {@code discount} and
 * {@code bundle-discount}.
 */
public record QuoteLine(Type type, String component, String description, BigDecimal quantity, Money unitPrice, Money amount) {

    /**
     * What a line charges for. EXTRA_RESOURCE is a prepaid one, billed with the license at each period's start;
     * POST_PAID_RESOURCE a chosen quantity billed at each period's end, and USAGE an estimate of pay-per-use (a
     * metric's own price, or a pay-as-you-go resource's tiers on its metric's estimate), billed at the end too: neither
     * is in an invoice in advance ({@link PriceCalculator#period}).
     */
    public enum Type { LICENSE, SETUP_FEE, EXTRA_RESOURCE, POST_PAID_RESOURCE, USAGE, DISCOUNT, BUNDLE_DISCOUNT }

    public static final String DISCOUNT = "discount";
    public static final String BUNDLE_DISCOUNT = "bundle-discount";
}
