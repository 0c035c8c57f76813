package org.cloudmarket.billing.service;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.cloudmarket.billing.domain.BillingSettings;
import org.cloudmarket.billing.domain.FeePercents;

/**
 * What a billing run's partition reads of its tenant once (BillingRunWork.tenant): its zone, billing settings, usage grace
 * and the extra resources' own platform fees by plan (FeeOverrides.all).
 */
public record RunTenant(ZoneId zone, BillingSettings settings, Duration grace, Map<Long, Map<String, BigDecimal>> feeOverrides) {

    public RunTenant {
        feeOverrides = Map.copyOf(feeOverrides);
    }

    /** The platform fee of each line of that plan. */
    FeePercents fees(long planId) {
        return new FeePercents(settings.platformFeePercent(), feeOverrides.getOrDefault(planId, Map.of()));
    }
}
