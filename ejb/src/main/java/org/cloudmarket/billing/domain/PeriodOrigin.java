package org.cloudmarket.billing.domain;

/**
 * Why a period's proceeds are billed: the period the first invoice billed (FIRST), a later period inside the commitment
 * window (MONTHLY order), the first period of a new window (RENEWAL order).
 */
public enum PeriodOrigin {
    FIRST, MONTHLY, RENEWAL
}
