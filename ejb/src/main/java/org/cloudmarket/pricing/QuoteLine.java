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

    /** What a line charges for. */
    public enum Type { LICENSE, SETUP_FEE, EXTRA_RESOURCE, USAGE, DISCOUNT, BUNDLE_DISCOUNT }

    public static final String DISCOUNT = "discount";
    public static final String BUNDLE_DISCOUNT = "bundle-discount";
}
