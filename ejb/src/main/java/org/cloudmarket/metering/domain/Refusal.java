package org.cloudmarket.metering.domain;

/** Why a reading is refused: the code the answer and the vendor's back-office show beside the sentence. */
public enum Refusal {
    /** No id, metric, value or time, an id longer than 100 characters, or a value beyond DECIMAL(24,6). */
    INVALID,
    UNKNOWN_SUBSCRIPTION,
    UNKNOWN_METRIC,
    /** The subscription is another vendor's (the caller's peer): answered like an unknown one would leak it exists. */
    NOT_YOUR_SUBSCRIPTION,
    NEGATIVE_VALUE,
    /** A counter read lower than another reading of the same instant: a reset happens between instants. */
    COUNTER_WENT_DOWN,
    /** Before the subscription started, after it ended, or in the future. */
    OUTSIDE_LIFE,
    /** Its period closed for usage (its end plus the grace) before the reading came. */
    PERIOD_CLOSED
}
