package org.cloudmarket.metering.service;

import java.util.List;
import org.cloudmarket.metering.domain.Granularity;
import org.cloudmarket.metering.domain.UsagePoint;
import org.cloudmarket.pricing.MetricPricing.Aggregation;
import org.cloudmarket.pricing.MetricPricing.Kind;

/** A subscription's usage of one metric over a range, bucket by bucket (the usage API's answer, the charts' data). */
public record UsageView(String metric, String unit, Kind kind, Aggregation aggregation, Granularity granularity, List<UsagePoint> points) {
}
