package org.cloudmarket.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.cloudmarket.shared.money.Money;

/**
 * The billable quantity of a gauge metric over a billing period (DOMAIN.md, pay-per-use metrics):
 * the average over time weights each value by the hours it held; the peak is the highest value.
 * Readings before the period count from its start; readings at or after its end do not count.
 */
public final class GaugeUsage {

    private GaugeUsage() {
    }

    public static BigDecimal averageOverTime(BillingPeriod period, List<GaugeReading> readings) {
        List<GaugeReading> ordered = readings.stream().sorted(Comparator.comparing(GaugeReading::at)).toList();
        BigDecimal weighted = BigDecimal.ZERO;
        for (int i = 0; i < ordered.size(); i++) {
            Instant from = max(ordered.get(i).at(), period.start());
            Instant to = i + 1 < ordered.size() ? min(ordered.get(i + 1).at(), period.end()) : period.end();
            if (to.isAfter(from)) {
                long hours = new BillingPeriod(from, to).hours();
                weighted = weighted.add(ordered.get(i).value().multiply(BigDecimal.valueOf(hours)));
            }
        }
        return weighted.divide(BigDecimal.valueOf(period.hours()), Money.SCALE, RoundingMode.HALF_UP);
    }

    public static BigDecimal peak(BillingPeriod period, List<GaugeReading> readings) {
        return readings.stream()
                .filter(reading -> reading.at().isBefore(period.end()))
                .map(GaugeReading::value)
                .max(Comparator.naturalOrder())
                .orElse(BigDecimal.ZERO);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
