package org.cloudmarket.catalog.service;

import java.math.BigDecimal;
import java.util.List;
import org.cloudmarket.catalog.domain.Plan;

public record PlanView(long id, String name, String currency, BigDecimal licensePrice, BigDecimal periodPrice, BigDecimal setupFee,
                       int billingFrequency, String billingUnit, int minimumDuration, boolean trialAllowed,
                       boolean approvalRequired, boolean selfBilled, List<String> paymentMethods,
                       List<ExtraResourceView> extraResources, List<MetricView> metrics, List<BundleItemView> bundleItems) {

    static PlanView of(Plan plan) {
        return new PlanView(plan.getId(), plan.getName(), plan.getCurrency().getCurrencyCode(), plan.getLicensePrice(), plan.periodPrice(),
                plan.getSetupFee(), plan.getBillingFrequency(), plan.getBillingUnit().name(), plan.getMinimumDuration(),
                plan.isTrialAllowed(), plan.isApprovalRequired(), plan.isSelfBilled(),
                plan.getPaymentMethods().stream().map(Enum::name).toList(),
                plan.getExtraResources().stream().map(ExtraResourceView::of).toList(),
                plan.getMetrics().stream().map(MetricView::of).toList(),
                plan.getBundleItems().stream().map(BundleItemView::of).toList());
    }

    /** "every month", "every 3 months", "every 12 hours". */
    public String billingLabel() {
        String unit = billingUnit.equals("HOURS") ? "hour" : "month";
        return billingFrequency == 1 ? "every " + unit : "every " + billingFrequency + " " + unit + "s";
    }
}
