package org.cloudmarket.catalog.service;

import java.math.BigDecimal;
import java.util.List;
import org.cloudmarket.catalog.domain.Metric;
import org.cloudmarket.pricing.MetricPricing;
import org.cloudmarket.pricing.PlanPricing;

public record MetricView(long id, String code, String name, String kind, String aggregation, String unit,
                         BigDecimal includedQuantity, BigDecimal unitPrice, String scheme, List<TierView> tiers) {

    static MetricView of(Metric metric, PlanPricing at) {
        MetricPricing priced = at.metrics().stream().filter(m -> m.code().equals(metric.getCode())).findFirst().orElseThrow();
        return new MetricView(metric.getId(), metric.getCode(), metric.getName(), metric.getKind().name(),
                metric.getAggregation().name(), metric.getUnit(), metric.getIncludedQuantity(), priced.unitPrice(),
                metric.getScheme().map(Enum::name).orElse(null), priced.tiers() == null ? null : TierView.of(priced.tiers()));
    }

    MetricView withoutPrices() {
        return new MetricView(id, code, name, kind, aggregation, unit, includedQuantity, null, scheme, null);
    }

    static MetricView of(Metric metric) {
        return new MetricView(metric.getId(), metric.getCode(), metric.getName(), metric.getKind().name(),
                metric.getAggregation().name(), metric.getUnit(), metric.getIncludedQuantity(),
                metric.getUnitPrice().orElse(null), metric.getScheme().map(Enum::name).orElse(null),
                metric.getTiers().map(TierView::of).orElse(null));
    }
}
