package org.cloudmarket.metering.domain;

import java.time.Duration;

/** The buckets of a usage chart: hours (UTC), or days of the tenant's zone; each with the longest range it may show. */
public enum Granularity {
    HOUR(Duration.ofDays(31)),
    DAY(Duration.ofDays(400));

    private final Duration longestRange;

    Granularity(Duration longestRange) {
        this.longestRange = longestRange;
    }

    public Duration longestRange() {
        return longestRange;
    }
}
