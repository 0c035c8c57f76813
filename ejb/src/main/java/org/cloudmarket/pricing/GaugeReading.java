package org.cloudmarket.pricing;

import java.math.BigDecimal;
import java.time.Instant;

/** A gauge's value from {@code at} until the next reading (or the end of the period). */
public record GaugeReading(Instant at, BigDecimal value) {

    public static GaugeReading of(Instant at, long value) {
        return new GaugeReading(at, BigDecimal.valueOf(value));
    }
}
