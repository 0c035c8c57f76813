package org.cloudmarket.billing.domain;

/**
 * What a proceed earns for (DOMAIN.md, Billing): fixed in advance at a period's start (license,
 * setup fee in the first period, prepaid extra resources, the coupon's discount, a bundle's
 * discount), the two halves of a proration, usage in arrears, or a trial's cost charged to its vendor.
 */
public enum ProceedKind {
    LICENSE,
    SETUP_FEE,
    EXTRA_RESOURCE,
    DISCOUNT,
    BUNDLE_DISCOUNT,
    /** The old quantity or plan's share of the period left, credited. */
    PRORATION_CREDIT,
    /** The new quantity or plan's share of the period left, debited. */
    PRORATION_DEBIT,
    USAGE,
    /**
     * A month of a trial's or sandbox's infrastructure cost, charged to its vendor (DOMAIN, Billing): one per
     * subscription and month (its period), like the period's own kinds.
     */
    TRIAL_COST;

    /**
     * A kind a period is billed with once, whatever order asks (license, setup fee, prepaid extras, discounts): its
     * proceed is unique on (subscription, component, kind, period start), so a recurring run that bills period 0 under
     * its own order finds the first invoice's. A proration half (and usage, whose own issue decides) is keyed by the
     * order that caused it too: two upgrades in one period are two pairs. The database holds the same rule
     * (billing-fixes.xml, proceed.period_order_key).
     */
    public boolean billedOncePerPeriod() {
        return switch (this) {
            case LICENSE, SETUP_FEE, EXTRA_RESOURCE, DISCOUNT, BUNDLE_DISCOUNT, TRIAL_COST -> true;
            case PRORATION_CREDIT, PRORATION_DEBIT, USAGE -> false;
        };
    }

    /** The kinds {@link #billedOncePerPeriod()}. */
    public static java.util.List<ProceedKind> periodKinds() {
        return java.util.Arrays.stream(values()).filter(ProceedKind::billedOncePerPeriod).toList();
    }
}
