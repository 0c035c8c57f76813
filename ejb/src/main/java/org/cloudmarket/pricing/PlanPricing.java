package org.cloudmarket.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Money;

/**
 * A plan's prices as the engine needs them: the license per billing period (may be zero), the
 * one-off setup fee, the billing frequency, the minimum order duration (a multiple of the
 * frequency, in the same unit), the trial length granted, and its extra resources.
 */
public record PlanPricing(String name, Money license, Money setupFee, int billingFrequency, BillingUnit unit,
                          int minimumDuration, int trialDays, List<ExtraResourcePricing> extraResources,
                          List<MetricPricing> metrics) {

    public PlanPricing {
        extraResources = List.copyOf(extraResources);
        metrics = List.copyOf(metrics);
        if (license.isNegative() || setupFee.isNegative()) {
            throw new InvalidInput("license", "Prices cannot be negative");
        }
        if (!license.currency().equals(setupFee.currency())) {
            throw new InvalidInput("setupFee", "The setup fee is in " + setupFee.currency() + ", the license in " + license.currency());
        }
        if (billingFrequency < 1) {
            throw new InvalidInput("billingFrequency", "A plan bills at least every 1 " + unit.name().toLowerCase());
        }
        if (minimumDuration < billingFrequency || minimumDuration % billingFrequency != 0) {
            throw new InvalidInput("minimumDuration", "The minimum order duration must be a multiple of the billing frequency ("
                    + billingFrequency + " " + unit.name().toLowerCase() + ")");
        }
    }

    /** A plan without pay-per-use metrics. */
    public PlanPricing(String name, Money license, Money setupFee, int billingFrequency, BillingUnit unit,
                       int minimumDuration, int trialDays, List<ExtraResourcePricing> extraResources) {
        this(name, license, setupFee, billingFrequency, unit, minimumDuration, trialDays, extraResources, List.of());
    }

    /** The first billing period of a purchase made at {@code at}, starting where {@link BillingUnit#periodStart} says. */
    public BillingPeriod firstPeriod(Instant at, ZoneId zone) {
        Instant start = unit.periodStart(at, zone);
        return unit == BillingUnit.MONTHS
                ? BillingPeriod.ofMonths(LocalDate.ofInstant(start, zone), billingFrequency, zone)
                : BillingPeriod.ofHours(start, billingFrequency);
    }

    Optional<MetricPricing> metric(String code) {
        return metrics.stream().filter(metric -> metric.code().equals(code)).findFirst();
    }

    Optional<ExtraResourcePricing> extraResource(String code) {
        return extraResources.stream().filter(resource -> resource.code().equals(code)).findFirst();
    }

    /**
     * An extra resource of this plan a buyer chooses a quantity of: PRE_PAID (billed with the license) or POST_PAID
     * (billed at the period's end); a PAY_AS_YOU_GO one's quantity is what its metric measures, never chosen.
     */
    public ExtraResourcePricing chosenResource(String code) {
        ExtraResourcePricing resource = extraResource(code)
                .orElseThrow(() -> new InvalidInput("extraResources", name + " has no extra resource " + code));
        if (!resource.billing().chosen()) {
            throw new InvalidInput("extraResources", resource.name() + " is pay-as-you-go: it is billed on use, not bought");
        }
        return resource;
    }

    /**
     * What a measured usage of the metric of that code costs in a period, unrounded, in the license's currency: the one
     * rule of the quote's usage line and of metering's measures (billing's input). When a PAY_AS_YOU_GO resource names
     * the metric (whose own price is then zero), the resource's tiers price the measure in whole units (a measured 2.3
     * vCPU is 3); else the metric's own pricing (included quantity, unit price or tiers) does.
     */
    public Money usageCost(String metricCode, BigDecimal measured) {
        Optional<ExtraResourcePricing> payAsYouGo = measuredBy(metricCode);
        if (payAsYouGo.isPresent()) {
            return payAsYouGo.get().periodPrice(wholeUnits(measured, payAsYouGo.get()), license.currency());
        }
        MetricPricing metric = metric(metricCode).orElseThrow(() -> new InvalidInput("usage", name + " has no metric " + metricCode));
        return new Money(metric.priceOf(measured), license.currency());
    }

    private static long wholeUnits(BigDecimal measured, ExtraResourcePricing resource) {
        BigDecimal units = measured.setScale(0, RoundingMode.CEILING);
        if (units.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new InvalidInput("usage", "A usage of " + measured.toPlainString() + " " + resource.unit() + " is beyond any price");
        }
        return units.longValueExact();
    }

    /** The pay-as-you-go resource the metric of that code measures, if any: its tiers price the metric's usage. */
    Optional<ExtraResourcePricing> measuredBy(String metricCode) {
        return extraResources.stream().filter(resource -> resource.billing() == ExtraResourceBilling.PAY_AS_YOU_GO)
                .filter(resource -> metricCode.equals(resource.metricCode())).findFirst();
    }
}
