package org.cloudmarket.web.account;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.cloudmarket.metering.domain.SeriesPoint;

/**
 * The Chart.js configurations of the usage dashboard, as PrimeFaces 15's p:chart takes them (a JSON string): a line of
 * the last 48 hours and bars of the period's days, labelled in the marketplace's zone.
 */
final class UsageCharts {

    private UsageCharts() {
    }

    static String line(String label, List<SeriesPoint> points, ZoneId zone, Locale locale) {
        return chart("line", label, points, DateTimeFormatter.ofPattern("d MMM HH:mm", locale).withZone(zone));
    }

    static String bars(String label, List<SeriesPoint> points, ZoneId zone, Locale locale) {
        return chart("bar", label, points, DateTimeFormatter.ofPattern("d MMM", locale).withZone(zone));
    }

    private static String chart(String type, String label, List<SeriesPoint> points, DateTimeFormatter labels) {
        JsonArrayBuilder names = Json.createArrayBuilder();
        JsonArrayBuilder values = Json.createArrayBuilder();
        points.forEach(point -> {
            names.add(labels.format(point.at()));
            values.add(new BigDecimal(point.value().stripTrailingZeros().toPlainString())); // 360, not 3.6E+2
        });
        return Json.createObjectBuilder()
                .add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", names)
                        .add("datasets", Json.createArrayBuilder().add(Json.createObjectBuilder().add("label", label).add("data", values)
                                .add("fill", false).add("stepped", "line".equals(type)))))
                .add("options", Json.createObjectBuilder().add("responsive", true).add("animation", false)
                        .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true))))
                .build().toString();
    }
}
