package org.cloudmarket.pricing;

/**
 * When an extra resource is billed (DOMAIN.md, extra resources): PRE_PAID with the license at the
 * start of each period, POST_PAID for the quantity the buyer chose at the period's end, and
 * PAY_AS_YOU_GO at the period's end for the quantity its metric measured. It lives with the pricing
 * engine, which the catalog builds on (as MetricPricing.Kind does), so that the engine can carry it.
 */
public enum ExtraResourceBilling {
    PRE_PAID, POST_PAID, PAY_AS_YOU_GO;

    /** Whether the buyer chooses a quantity of it (billed in advance or in arrears); pay-as-you-go is measured. */
    public boolean chosen() {
        return this != PAY_AS_YOU_GO;
    }

    /** What an old client's or an old snapshot's {@code prepaid} flag meant: true PRE_PAID, false billed after use. */
    public static ExtraResourceBilling ofPrepaid(boolean prepaid, ExtraResourceBilling otherwise) {
        return prepaid ? PRE_PAID : otherwise;
    }
}
