package org.cloudmarket.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.cloudmarket.shared.money.Money;

/** Plans bill every N months, or every N hours for short-lived plans. */
public enum BillingUnit {
    MONTHS,
    HOURS;

    /**
     * Where a period that begins at {@code at} starts (DOMAIN.md, Decisions: Periods): a monthly
     * plan's at midnight, in the tenant's zone, of that day; an hourly plan's at the hour.
     */
    public Instant periodStart(Instant at, ZoneId zone) {
        return this == HOURS ? at.truncatedTo(ChronoUnit.HOURS) : LocalDate.ofInstant(at, zone).atStartOfDay(zone).toInstant();
    }

    /** The average month: 8,760 hours a year over twelve. */
    static final BigDecimal HOURS_PER_MONTH = BigDecimal.valueOf(730);
    /** What a product's from_price column keeps. */
    private static final int MONTHLY_SCALE = 4;

    /**
     * A price of every {@code frequency} units as the price of one month, so that an hourly plan, a
     * monthly one and a quarterly one compare like with like: 0.05 an hour is 36.50 a month, 24.00
     * every 3 months is 8.00 a month. The catalog's "from" price and its price filter compare these.
     */
    public BigDecimal perMonth(BigDecimal periodPrice, int frequency) {
        BigDecimal monthly = this == HOURS ? periodPrice.multiply(HOURS_PER_MONTH) : periodPrice;
        return monthly.divide(BigDecimal.valueOf(frequency), MONTHLY_SCALE, RoundingMode.HALF_UP);
    }

    /**
     * A price of every {@code frequency} units as the price of one hour (months of the average
     * 730 hours), kept at the precision of money in flight: what a plan change compares, so that
     * an hourly and a monthly plan compare and a small hourly difference is not rounded away.
     */
    public BigDecimal perHour(BigDecimal periodPrice, int frequency) {
        BigDecimal hours = this == HOURS ? BigDecimal.valueOf(frequency) : HOURS_PER_MONTH.multiply(BigDecimal.valueOf(frequency));
        return periodPrice.divide(hours, Money.SCALE, RoundingMode.HALF_UP);
    }
}
