package org.cloudmarket.pricing;

/** Plans bill every N months, or every N hours for short-lived plans. */
public enum BillingUnit {
    MONTHS,
    HOURS
}
