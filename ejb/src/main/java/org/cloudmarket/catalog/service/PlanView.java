package org.cloudmarket.catalog.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.cloudmarket.pricing.PlanPricing;
import org.cloudmarket.catalog.domain.Plan;

/** A plan; {@code dailyTrialCost} (the tenant's cost of a trial day, charged to the vendor) only in the vendor's and staff's view. */
public record PlanView(long id, String name, String currency, BigDecimal licensePrice, BigDecimal periodPrice, BigDecimal setupFee,
                       int billingFrequency, String billingUnit, int minimumDuration, boolean trialAllowed,
                       boolean approvalRequired, boolean selfBilled, List<String> paymentMethods,
                       List<ExtraResourceView> extraResources, List<MetricView> metrics, List<BundleItemView> bundleItems,
                       BigDecimal dailyTrialCost) {

    static PlanView of(Plan plan) {
        return new PlanView(plan.getId(), plan.getName(), plan.getCurrency().getCurrencyCode(), plan.getLicensePrice(), plan.periodPrice(),
                plan.getSetupFee(), plan.getBillingFrequency(), plan.getBillingUnit().name(), plan.getMinimumDuration(),
                plan.isTrialAllowed(), plan.isApprovalRequired(), plan.isSelfBilled(),
                plan.getPaymentMethods().stream().map(Enum::name).toList(),
                plan.getExtraResources().stream().map(ExtraResourceView::of).toList(),
                plan.getMetrics().stream().map(MetricView::of).toList(),
                plan.getBundleItems().stream().map(BundleItemView::of).toList(), plan.getDailyTrialCost());
    }

    /** The plan at the given prices; its prices are null where they are not shown. */
    static PlanView of(Plan plan, PlanPrices prices) {
        Optional<PlanPricing> priced = prices.pricing(plan);
        if (priced.isEmpty()) {
            PlanView vendor = of(plan);
            return new PlanView(vendor.id, vendor.name, vendor.currency, null, null, null, vendor.billingFrequency,
                    vendor.billingUnit, vendor.minimumDuration, vendor.trialAllowed, vendor.approvalRequired, vendor.selfBilled,
                    vendor.paymentMethods, vendor.extraResources.stream().map(ExtraResourceView::withoutPrices).toList(),
                    vendor.metrics.stream().map(MetricView::withoutPrices).toList(), vendor.bundleItems, null);
        }
        PlanPricing at = priced.get();
        return new PlanView(plan.getId(), plan.getName(), at.license().currency().getCurrencyCode(), at.license().amount(),
                prices.periodPrice(plan).orElse(null), at.setupFee().amount(), plan.getBillingFrequency(),
                plan.getBillingUnit().name(), plan.getMinimumDuration(), plan.isTrialAllowed(), plan.isApprovalRequired(),
                plan.isSelfBilled(), plan.getPaymentMethods().stream().map(Enum::name).toList(),
                at.extraResources().stream().map(extra -> ExtraResourceView.of(plan.getExtraResources().stream()
                        .filter(own -> own.getCode().equals(extra.code())).findFirst().map(own -> own.getId()).orElse(0L), extra))
                        .toList(),
                plan.getMetrics().stream().map(metric -> MetricView.of(metric, at)).toList(),
                plan.getBundleItems().stream().map(BundleItemView::of).toList(), null);
    }

    /** "every month", "every 3 months", "every 12 hours". */
    public String billingLabel() {
        String unit = billingUnit.equals("HOURS") ? "hour" : "month";
        return billingFrequency == 1 ? "every " + unit : "every " + billingFrequency + " " + unit + "s";
    }
}
