package org.cloudmarket.web.backoffice;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import org.cloudmarket.catalog.domain.ExtraResourceTerms;
import org.cloudmarket.catalog.domain.MetricTerms;
import org.cloudmarket.catalog.domain.PaymentMethod;
import org.cloudmarket.catalog.domain.PlanTerms;
import org.cloudmarket.pricing.BillingUnit;
import org.cloudmarket.pricing.ExtraResourceBilling;
import org.cloudmarket.pricing.MetricPricing;
import org.cloudmarket.pricing.PricingScheme;
import org.cloudmarket.pricing.Tier;
import org.cloudmarket.pricing.TierTable;
import org.cloudmarket.shared.error.DomainException;
import org.cloudmarket.shared.error.InvalidInput;

/** One plan of the onboarding wizard as typed, with its optional extra resource (and a pay-as-you-go one's metric) and tier editor. */
public class PlanForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String planName = "Standard";
    private BigDecimal licensePrice = BigDecimal.ZERO;
    private BigDecimal setupFee = BigDecimal.ZERO;
    private int billingFrequency = 1;
    private BillingUnit billingUnit = BillingUnit.MONTHS;
    private int minimumDuration = 1;
    private boolean trialAllowed = true;
    private boolean approvalRequired;
    private boolean selfBilled;
    private String[] paymentMethods = Arrays.stream(PaymentMethod.values()).map(Enum::name).toArray(String[]::new);

    private boolean withExtraResource;
    private String extraCode;
    private String extraName;
    private String extraUnit;
    private ExtraResourceBilling extraBilling = ExtraResourceBilling.PRE_PAID;
    // a pay-as-you-go resource's metric, of the resource's code, unit and name, with a zero price of its own
    private MetricPricing.Kind metricKind = MetricPricing.Kind.GAUGE;
    private MetricPricing.Aggregation metricAggregation;
    private String metricEndpoint;
    private String metricFrequency;
    private BigDecimal metricQuota;
    private boolean metricQuotaBlocking;
    private PricingScheme scheme = PricingScheme.TIERED;
    private final List<TierRow> tiers = new ArrayList<>(List.of(new TierRow(1L, 9L, new BigDecimal("5.00")),
            new TierRow(10L, null, new BigDecimal("3.00"))));
    private long sampleQuantity = 15;

    /** The plan's terms, checked by the domain. */
    PlanTerms terms(Currency currency) {
        return new PlanTerms(planName, currency, licensePrice, setupFee, billingFrequency, billingUnit, minimumDuration,
                trialAllowed, approvalRequired, selfBilled, paymentMethods.length == 0 ? null
                : EnumSet.copyOf(Arrays.stream(paymentMethods).map(PaymentMethod::valueOf).toList()));
    }

    List<ExtraResourceTerms> extraResources() {
        if (!withExtraResource) {
            return List.of();
        }
        return List.of(new ExtraResourceTerms(extraCode, extraName, extraUnit, extraBilling, isPayAsYouGo() ? extraCode : null, scheme,
                tierTable()));
    }

    /**
     * The metric that measures a pay-as-you-go resource: its namesake (code, name and unit), priced by the resource's
     * tiers and so at 0 of its own, pushed by the vendor or polled at its endpoint, with an optional quota.
     */
    List<MetricTerms> metrics() {
        if (!withExtraResource || !isPayAsYouGo()) {
            return List.of();
        }
        return List.of(new MetricTerms(extraCode, extraName, extraUnit, metricKind, metricAggregation, BigDecimal.ZERO, BigDecimal.ZERO,
                null, null, metricEndpoint, metricFrequency, metricQuota, metricQuotaBlocking));
    }

    /** The step's checks: the metric's first, then the resource's. */
    void checkExtra() {
        metrics();
        extraResources();
    }

    public boolean isPayAsYouGo() {
        return extraBilling == ExtraResourceBilling.PAY_AS_YOU_GO;
    }

    /** What the sample quantity costs per period under the tiers as typed so far, or why it cannot be priced. */
    String samplePrice(Currency currency, String pattern) {
        try {
            BigDecimal price = scheme.price(tierTable(), sampleQuantity);
            return MessageFormat.format(pattern, sampleQuantity,
                    price.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP).toPlainString() + " "
                            + currency.getCurrencyCode());
        } catch (DomainException | IllegalArgumentException invalid) {
            return invalid.getMessage();
        }
    }

    public void addTier() {
        TierRow last = tiers.isEmpty() ? null : tiers.get(tiers.size() - 1);
        long from = last == null ? 1 : (last.getTo() == null ? (last.getFrom() == null ? 1 : last.getFrom() + 10) : last.getTo() + 1);
        if (last != null && last.getTo() == null && last.getFrom() != null) {
            last.setTo(from - 1);
        }
        tiers.add(new TierRow(from, null, BigDecimal.ZERO));
    }

    public void removeTier(TierRow row) {
        tiers.remove(row);
    }

    private TierTable tierTable() {
        List<Tier> rows = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            TierRow row = tiers.get(i);
            if (row.getFrom() == null || row.getPrice() == null) {
                throw new InvalidInput("tiers", "Tier " + (i + 1) + " needs a start and a price");
            }
            rows.add(new Tier(row.getFrom(), row.getTo(), row.getPrice()));
        }
        return new TierTable(rows);
    }

    // form bindings

    public String getPlanName() { return planName; }
    public void setPlanName(String planName) { this.planName = planName; }
    public BigDecimal getLicensePrice() { return licensePrice; }
    public void setLicensePrice(BigDecimal licensePrice) { this.licensePrice = licensePrice; }
    public BigDecimal getSetupFee() { return setupFee; }
    public void setSetupFee(BigDecimal setupFee) { this.setupFee = setupFee; }
    public int getBillingFrequency() { return billingFrequency; }
    public void setBillingFrequency(int billingFrequency) { this.billingFrequency = billingFrequency; }
    public BillingUnit getBillingUnit() { return billingUnit; }
    public void setBillingUnit(BillingUnit billingUnit) { this.billingUnit = billingUnit; }
    public int getMinimumDuration() { return minimumDuration; }
    public void setMinimumDuration(int minimumDuration) { this.minimumDuration = minimumDuration; }
    public boolean isTrialAllowed() { return trialAllowed; }
    public void setTrialAllowed(boolean trialAllowed) { this.trialAllowed = trialAllowed; }
    public boolean isApprovalRequired() { return approvalRequired; }
    public void setApprovalRequired(boolean approvalRequired) { this.approvalRequired = approvalRequired; }
    public boolean isSelfBilled() { return selfBilled; }
    public void setSelfBilled(boolean selfBilled) { this.selfBilled = selfBilled; }
    public String[] getPaymentMethods() { return paymentMethods; }
    public void setPaymentMethods(String[] paymentMethods) { this.paymentMethods = paymentMethods; }
    public boolean isWithExtraResource() { return withExtraResource; }
    public void setWithExtraResource(boolean withExtraResource) { this.withExtraResource = withExtraResource; }
    public String getExtraCode() { return extraCode; }
    public void setExtraCode(String extraCode) { this.extraCode = extraCode; }
    public String getExtraName() { return extraName; }
    public void setExtraName(String extraName) { this.extraName = extraName; }
    public String getExtraUnit() { return extraUnit; }
    public void setExtraUnit(String extraUnit) { this.extraUnit = extraUnit; }
    public ExtraResourceBilling getExtraBilling() { return extraBilling; }
    public void setExtraBilling(ExtraResourceBilling extraBilling) { this.extraBilling = extraBilling; }
    public MetricPricing.Kind getMetricKind() { return metricKind; }
    public void setMetricKind(MetricPricing.Kind metricKind) { this.metricKind = metricKind; }
    public MetricPricing.Aggregation getMetricAggregation() { return metricAggregation; }
    public void setMetricAggregation(MetricPricing.Aggregation metricAggregation) { this.metricAggregation = metricAggregation; }
    public String getMetricEndpoint() { return metricEndpoint; }
    public void setMetricEndpoint(String metricEndpoint) { this.metricEndpoint = metricEndpoint; }
    public String getMetricFrequency() { return metricFrequency; }
    public void setMetricFrequency(String metricFrequency) { this.metricFrequency = metricFrequency; }
    public BigDecimal getMetricQuota() { return metricQuota; }
    public void setMetricQuota(BigDecimal metricQuota) { this.metricQuota = metricQuota; }
    public boolean isMetricQuotaBlocking() { return metricQuotaBlocking; }
    public void setMetricQuotaBlocking(boolean metricQuotaBlocking) { this.metricQuotaBlocking = metricQuotaBlocking; }
    public PricingScheme getScheme() { return scheme; }
    public void setScheme(PricingScheme scheme) { this.scheme = scheme; }
    public List<TierRow> getTiers() { return tiers; }
    public long getSampleQuantity() { return sampleQuantity; }
    public void setSampleQuantity(long sampleQuantity) { this.sampleQuantity = sampleQuantity; }
}
