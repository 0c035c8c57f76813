package org.cloudmarket.metering.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** A kept reading of one series (subscription, metric), as the fold reads it back. */
public record SeriesPoint(Instant at, BigDecimal value) {
}
