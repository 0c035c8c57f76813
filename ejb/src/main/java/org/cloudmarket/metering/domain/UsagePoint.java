package org.cloudmarket.metering.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** One bucket of a usage chart: its start, the average and peak of the value over it, a counter's increase, the last value. */
public record UsagePoint(Instant start, BigDecimal average, BigDecimal peak, BigDecimal increase, BigDecimal last) {
}
