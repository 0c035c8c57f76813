package org.cloudmarket.billing.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * What the hourly schedule does for one tenant when it fires (issue 13): a billing run and a lifecycle run, both at the
 * top of the hour, and on the 1st of the month in the tenant's zone the vendors' trial and sandbox costs of the month
 * before. Every hour of the 1st asks for that month again: invoicing it is idempotent (VendorCosts), so an hour the
 * server missed is made up by the next one.
 */
public record ScheduledBilling(Instant at, Optional<YearMonth> vendorCostMonth) {

    public static ScheduledBilling due(Instant now, ZoneId tenantZone) {
        Instant at = now.truncatedTo(ChronoUnit.HOURS);
        LocalDate day = at.atZone(tenantZone).toLocalDate();
        return new ScheduledBilling(at, day.getDayOfMonth() == 1 ? Optional.of(YearMonth.from(day).minusMonths(1)) : Optional.empty());
    }
}
