package org.cloudmarket.pricing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Decimals;

/**
 * The usage of a metric a buyer expects in one billing period, to price pay-per-use in a quote:
 * either a total quantity, or a gauge's values each held for a number of hours from the start of
 * the period (the last value holds to its end).
 */
public sealed interface UsageEstimate permits UsageEstimate.Total, UsageEstimate.Held {

    /** The measured quantity of the period, as the metric's aggregation yields it. */
    BigDecimal measure(MetricPricing metric, BillingPeriod period);

    /** A quantity for the whole period: a counter's count, or a gauge's expected level. */
    record Total(BigDecimal quantity) implements UsageEstimate {

        public Total {
            Decimals.bounded("usage", quantity);
            if (quantity == null || quantity.signum() < 0) {
                throw new InvalidInput("usage", "An estimated quantity is zero or more");
            }
        }

        @Override
        public BigDecimal measure(MetricPricing metric, BillingPeriod period) {
            return quantity;
        }
    }

    /** A gauge's value for so many hours, in order from the start of the period. */
    record Held(List<Segment> segments) implements UsageEstimate {

        public Held {
            segments = List.copyOf(segments);
            if (segments.isEmpty()) {
                throw new InvalidInput("usage", "Give at least one value and the hours it holds");
            }
        }

        @Override
        public BigDecimal measure(MetricPricing metric, BillingPeriod period) {
            if (metric.kind() == MetricPricing.Kind.COUNTER) {
                throw new InvalidInput("usage", metric.name() + " is a counter: estimate its total quantity");
            }
            List<GaugeReading> readings = new ArrayList<>();
            long offset = 0;
            for (Segment segment : segments) {
                readings.add(new GaugeReading(period.start().plus(Duration.ofHours(offset)), segment.value()));
                offset += segment.hours();
            }
            return metric.aggregation() == MetricPricing.Aggregation.PEAK
                    ? GaugeUsage.peak(period, readings)
                    : GaugeUsage.averageOverTime(period, readings);
        }
    }

    /** A value held for a number of hours. */
    record Segment(BigDecimal value, long hours) {

        /** Ten years: more than any billing period. */
        static final long MAX_HOURS = 87_600;

        public Segment {
            Decimals.bounded("usage", value);
            if (value == null || value.signum() < 0) {
                throw new InvalidInput("usage", "A gauge value is zero or more");
            }
            if (hours < 1 || hours > MAX_HOURS) {
                throw new InvalidInput("usage", "A gauge value is held for 1 to " + MAX_HOURS + " hours");
            }
        }
    }
}
