package org.cloudmarket.web.account;

import static org.cloudmarket.shared.text.Jsons.JSON;

import jakarta.json.JsonArrayBuilder;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.cloudmarket.metering.domain.UsagePoint;
import org.cloudmarket.metering.service.UsageViews.MetricUsage;
import org.cloudmarket.pricing.MetricPricing.Aggregation;
import org.cloudmarket.pricing.MetricPricing.Kind;

/**
 * The Chart.js configurations of the usage dashboard, as PrimeFaces 15's p:chart takes them (a JSON string): a line of
 * the last 48 hours and bars of the period's days, labelled in the marketplace's zone.
 */
final class UsageCharts {

    private UsageCharts() {
    }

    static String line(MetricUsage metric, ZoneId zone, Locale locale) {
        return chart("line", metric, metric.hourly(), DateTimeFormatter.ofPattern("d MMM HH:mm", locale).withZone(zone));
    }

    static String bars(MetricUsage metric, ZoneId zone, Locale locale) {
        return chart("bar", metric, metric.daily(), DateTimeFormatter.ofPattern("d MMM", locale).withZone(zone));
    }

    /**
     * The value a bucket shows, as the metric is billed: a gauge its average (its peak when billed by PEAK), a counter
     * its increase (its last value when billed by VALUE).
     */
    static BigDecimal shown(MetricUsage metric, UsagePoint point) {
        if (metric.kind() == Kind.GAUGE) {
            return metric.aggregation() == Aggregation.PEAK ? point.peak() : point.average();
        }
        return metric.aggregation() == Aggregation.VALUE ? point.last() : point.increase();
    }

    private static String chart(String type, MetricUsage metric, List<UsagePoint> points, DateTimeFormatter labels) {
        JsonArrayBuilder names = JSON.createArrayBuilder();
        JsonArrayBuilder values = JSON.createArrayBuilder();
        points.forEach(point -> {
            names.add(labels.format(point.start()));
            values.add(new BigDecimal(shown(metric, point).stripTrailingZeros().toPlainString())); // 360, not 3.6E+2
        });
        return JSON.createObjectBuilder()
                .add("type", type)
                .add("data", JSON.createObjectBuilder().add("labels", names)
                        .add("datasets", JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("label", metric.name()).add("data", values)
                                .add("fill", false).add("stepped", "line".equals(type)))))
                .add("options", JSON.createObjectBuilder().add("responsive", true).add("animation", false)
                        .add("scales", JSON.createObjectBuilder().add("y", JSON.createObjectBuilder().add("beginAtZero", true))))
                .build().toString();
    }
}
