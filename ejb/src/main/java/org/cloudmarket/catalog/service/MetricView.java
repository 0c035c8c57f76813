package org.cloudmarket.catalog.service;

import java.math.BigDecimal;
import java.util.List;
import org.cloudmarket.catalog.domain.Metric;

public record MetricView(long id, String code, String name, String kind, String aggregation, String unit,
                         BigDecimal includedQuantity, BigDecimal unitPrice, String scheme, List<TierView> tiers) {

    static MetricView of(Metric metric) {
        return new MetricView(metric.getId(), metric.getCode(), metric.getName(), metric.getKind().name(),
                metric.getAggregation().name(), metric.getUnit(), metric.getIncludedQuantity(),
                metric.getUnitPrice().orElse(null), metric.getScheme().map(Enum::name).orElse(null),
                metric.getTiers().map(TierView::of).orElse(null));
    }
}
