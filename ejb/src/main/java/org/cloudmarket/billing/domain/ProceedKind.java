package org.cloudmarket.billing.domain;

/**
 * What a proceed earns for (DOMAIN.md, Billing): fixed in advance at a period's start (license,
 * setup fee in the first period, prepaid extra resources, the coupon's discount, a bundle's
 * discount), the two halves of a proration, or usage in arrears.
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
    USAGE
}
