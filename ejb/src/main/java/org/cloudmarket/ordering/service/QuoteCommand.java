package org.cloudmarket.ordering.service;

import java.time.LocalDate;
import java.util.Map;
import org.cloudmarket.pricing.UsageEstimate;

/**
 * What a buyer asks a price for: a plan for a duration, extra-resource quantities, a coupon,
 * expected usage, and the day the subscription would start (today when not given).
 */
public record QuoteCommand(long planId, int duration, Map<String, Long> extraResources, String couponCode,
                           Map<String, UsageEstimate> usage, LocalDate start) {

    public QuoteCommand {
        extraResources = extraResources == null ? Map.of() : Map.copyOf(extraResources);
        usage = usage == null ? Map.of() : Map.copyOf(usage);
    }
}
