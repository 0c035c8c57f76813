package org.cloudmarket.metering.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One hour of one series, folded from its raw readings (table usage_hour): for a gauge the average over the hour
 * weighted by the time each value held (the value holding at the hour's start counts until the first reading) and the
 * peak; for a counter the increase (a counter that went down was reset: the new value is the increase); for both
 * {@code lastValue}, the value holding at the hour's end, which holds on through the hours without readings.
 */
public record HourAggregate(Instant hourStart, BigDecimal average, BigDecimal peak, BigDecimal lastValue, BigDecimal increase,
                            int readings) {
}
