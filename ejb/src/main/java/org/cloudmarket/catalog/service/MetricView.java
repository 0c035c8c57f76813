package org.cloudmarket.catalog.service;

import java.math.BigDecimal;
import java.util.List;
import org.cloudmarket.catalog.domain.Metric;
import org.cloudmarket.pricing.MetricPricing;
import org.cloudmarket.pricing.PlanPricing;

/**
 * A metric as shown. Its quota is the buyer's business too; where the platform polls it (endpoint, frequency) is the
 * vendor's and the back-office's only: a storefront's view leaves them null.
 */
public record MetricView(long id, String code, String name, String kind, String aggregation, String unit,
                         BigDecimal includedQuantity, BigDecimal unitPrice, String scheme, List<TierView> tiers,
                         String endpoint, String frequency, BigDecimal quota, boolean quotaBlocking) {

    /** As a storefront sells it, at its prices. */
    static MetricView of(Metric metric, PlanPricing at) {
        MetricPricing priced = at.metrics().stream().filter(m -> m.code().equals(metric.getCode())).findFirst().orElseThrow();
        return new MetricView(metric.getId(), metric.getCode(), metric.getName(), metric.getKind().name(),
                metric.getAggregation().name(), metric.getUnit(), metric.getIncludedQuantity(), priced.unitPrice(),
                metric.getScheme().map(Enum::name).orElse(null), priced.tiers() == null ? null : TierView.of(priced.tiers()),
                null, null, metric.getQuota().orElse(null), metric.isQuotaBlocking());
    }

    MetricView withoutPrices() {
        return new MetricView(id, code, name, kind, aggregation, unit, includedQuantity, null, scheme, null, null, null, quota,
                quotaBlocking);
    }

    /** As its vendor and the back-office see it. */
    static MetricView of(Metric metric) {
        return new MetricView(metric.getId(), metric.getCode(), metric.getName(), metric.getKind().name(),
                metric.getAggregation().name(), metric.getUnit(), metric.getIncludedQuantity(),
                metric.getUnitPrice().orElse(null), metric.getScheme().map(Enum::name).orElse(null),
                metric.getTiers().map(TierView::of).orElse(null), metric.getEndpoint().orElse(null),
                metric.getFrequency().orElse(null), metric.getQuota().orElse(null), metric.isQuotaBlocking());
    }
}
