package org.cloudmarket.catalog.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cloudmarket.pricing.BillingUnit;
import org.cloudmarket.pricing.ExtraResourceBilling;
import org.cloudmarket.pricing.PlanPricing;
import org.cloudmarket.pricing.PriceCalculator;
import org.cloudmarket.shared.error.InvalidInput;
import org.cloudmarket.shared.money.Decimals;
import org.cloudmarket.shared.money.Money;
import org.cloudmarket.shared.persistence.TenantOwned;

/** A version of a product with its prices, billing frequency, metrics and extra resources. */
@Entity
@Table(name = "plan")
public class Plan extends TenantOwned {

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "product_id")
    private Product product;

    private String name;

    private int position;

    @Column(length = 3)
    private String currency;

    @Column(name = "license_price")
    private BigDecimal licensePrice;

    @Column(name = "setup_fee")
    private BigDecimal setupFee;

    @Column(name = "billing_frequency")
    private int billingFrequency;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing_unit")
    private BillingUnit billingUnit;

    @Column(name = "minimum_duration")
    private int minimumDuration;

    @Enumerated(EnumType.STRING)
    @Column(name = "trial_mode")
    private TrialMode trialMode;

    /** The trial's own length; null: the product's. */
    @Column(name = "trial_days")
    private Integer trialDays;

    @Column(name = "trial_converts")
    private boolean trialConverts;

    @Column(name = "auto_renew")
    private boolean autoRenew;

    @Column(name = "approval_required")
    private boolean approvalRequired;

    @Column(name = "self_billed")
    private boolean selfBilled;

    /** Comma-separated {@link PaymentMethod} names. */
    @Column(name = "payment_methods")
    private String paymentMethods;

    /** A trial or sandbox day's infrastructure cost, in the marketplace currency, charged to the vendor (set by the ADMIN). */
    @Column(name = "daily_trial_cost")
    private BigDecimal dailyTrialCost = BigDecimal.ZERO;

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("code")
    private List<ExtraResource> extraResources = new ArrayList<>();

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("code")
    private List<Metric> metrics = new ArrayList<>();

    @OneToMany(mappedBy = "bundlePlan", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<BundleItem> bundleItems = new ArrayList<>();

    @Version
    private long version;

    protected Plan() {
    }

    Plan(Product product, int position, PlanTerms terms) {
        this.product = product;
        this.position = position;
        apply(terms);
    }

    public void apply(PlanTerms terms) {
        this.name = terms.name();
        this.currency = terms.currency().getCurrencyCode();
        this.licensePrice = terms.license();
        this.setupFee = terms.setupFee();
        this.billingFrequency = terms.billingFrequency();
        this.billingUnit = terms.billingUnit();
        this.minimumDuration = terms.minimumDuration();
        this.trialMode = terms.trialMode();
        this.trialDays = terms.trialDays();
        this.trialConverts = terms.trialConverts();
        this.autoRenew = terms.autoRenew();
        this.approvalRequired = terms.approvalRequired();
        this.selfBilled = terms.selfBilled();
        this.paymentMethods = terms.paymentMethods().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    public ExtraResource addExtraResource(ExtraResourceTerms terms) {
        boolean measuredByItsNamesake = terms.code().equals(terms.metricCode());
        requireNewCode(terms.code(), true, !measuredByItsNamesake);
        ExtraResource resource = new ExtraResource(this, terms);
        extraResources.add(resource);
        return resource;
    }

    public Metric addMetric(MetricTerms terms) {
        boolean measuresItsNamesake = extraResources.stream().anyMatch(resource -> resource.getCode().equals(terms.code())
                && resource.getBilling() == ExtraResourceBilling.PAY_AS_YOU_GO);
        requireNewCode(terms.code(), !measuresItsNamesake, true);
        Metric metric = new Metric(this, terms);
        metrics.add(metric);
        return metric;
    }

    public void removeExtraResource(ExtraResource resource) {
        extraResources.remove(resource);
    }

    public void removeMetric(Metric metric) {
        extraResources.stream().filter(resource -> resource.getMetricCode().filter(metric.getCode()::equals).isPresent()).findFirst()
                .ifPresent(resource -> {
                    throw new InvalidInput("metric", metric.getName() + " measures " + resource.getName() + ": remove that first");
                });
        metrics.remove(metric);
    }

    /**
     * A pay-as-you-go resource is measured by one of this plan's metrics, which the resource's tiers
     * price: the metric's own unit price is zero, or its usage would be billed twice.
     */
    void requireMeasures(ExtraResourceTerms terms) {
        if (terms.metricCode() == null) {
            return;
        }
        Metric metric = metrics.stream().filter(candidate -> candidate.getCode().equals(terms.metricCode())).findFirst()
                .orElseThrow(() -> new InvalidInput("metricCode", name + " has no metric " + terms.metricCode()
                        + " to measure " + terms.name() + ": add the metric first"));
        if (metric.getUnitPrice().filter(price -> price.signum() == 0).isEmpty()) {
            throw new InvalidInput("metricCode", metric.getName() + " is priced on its own; the metric that measures "
                    + terms.name() + " has a unit price of 0, the resource's tiers price it");
        }
    }

    /** Replaces the composition of a bundle's plan; the service checked whose plans they are. */
    public void composeOf(List<BundleItem.Component> components) {
        bundleItems.clear();
        components.forEach(component -> bundleItems.add(new BundleItem(this, component.plan(), component.discountPercent())));
    }

    /**
     * A code names one metric and one extra resource of the plan at most, and not both, unless the two are one thing: a
     * pay-as-you-go resource and the metric of its code that measures it (the demo's Sandbox "cpu").
     */
    private void requireNewCode(String code, boolean amongResources, boolean amongMetrics) {
        boolean taken = extraResources.stream().anyMatch(resource -> resource.getCode().equals(code) && amongResources)
                || metrics.stream().anyMatch(metric -> metric.getCode().equals(code) && amongMetrics);
        if (taken) {
            throw new InvalidInput("code", name + " already has a metric or extra resource with code " + code);
        }
    }

    /**
     * Whether every plan this plan is made of is still on sale: a bundle stops selling once one of
     * its parts' products is retired (or otherwise no longer published). A plain plan has no parts.
     */
    public boolean partsOnSale() {
        return bundleItems.stream().allMatch(item -> item.getComponentPlan().getProduct().getStatus() == ProductStatus.PUBLISHED);
    }

    /** The license per billing period; for a bundle's plan, the sum of its plans' discounted licenses. */
    public BigDecimal periodPrice() {
        if (bundleItems.isEmpty()) {
            return licensePrice;
        }
        return PriceCalculator.bundlePeriodPrice(bundleItems.stream().map(BundleItem::pricing).toList());
    }

    /** The period price as the price of a month (BillingUnit.perMonth), what catalogs compare plans by. */
    public BigDecimal monthlyPrice() {
        return billingUnit.perMonth(periodPrice(), billingFrequency);
    }

    /** The plan as the pricing engine sees it, with the product's trial when the plan allows one. */
    public PlanPricing pricing() {
        Currency money = getCurrency();
        return new PlanPricing(product.getName() + " " + name, new Money(licensePrice, money), new Money(setupFee, money),
                billingFrequency, billingUnit, minimumDuration, trialMode.allowsTrial() ? trialDays() : 0,
                extraResources.stream().map(ExtraResource::pricing).toList(),
                metrics.stream().map(Metric::pricing).toList());
    }

    /**
     * The tenant's own figure (DOMAIN, Decisions: Platform fee), not part of the vendor's terms: it may change in any
     * status and applies to the months invoiced after it. Not negative, at most 4 decimals (the column's), bounded.
     */
    public void setDailyTrialCost(BigDecimal cost) {
        BigDecimal bounded = Decimals.bounded("dailyTrialCost", cost);
        if (bounded == null || bounded.signum() < 0 || bounded.stripTrailingZeros().scale() > 4) {
            throw new InvalidInput("dailyTrialCost", "dailyTrialCost is an amount of at least 0 with at most 4 decimals");
        }
        this.dailyTrialCost = bounded;
    }

    public BigDecimal getDailyTrialCost() {
        return dailyTrialCost;
    }

    public Product getProduct() {
        return product;
    }

    public String getName() {
        return name;
    }

    public Currency getCurrency() {
        return Currency.getInstance(currency);
    }

    public BigDecimal getLicensePrice() {
        return licensePrice;
    }

    public BigDecimal getSetupFee() {
        return setupFee;
    }

    public int getBillingFrequency() {
        return billingFrequency;
    }

    public BillingUnit getBillingUnit() {
        return billingUnit;
    }

    public int getMinimumDuration() {
        return minimumDuration;
    }

    public boolean isTrialAllowed() {
        return trialMode.allowsTrial();
    }

    public TrialMode getTrialMode() {
        return trialMode;
    }

    /** The trial's length: the plan's own, else the product's. */
    public int trialDays() {
        return trialDays != null ? trialDays : product.getTrialDays();
    }

    /** Whether a trial that ends becomes a NORMAL subscription (else it is terminated). */
    public boolean isTrialConverts() {
        return trialConverts;
    }

    public boolean isAutoRenew() {
        return autoRenew;
    }

    /** Whether orders of this plan wait for their auditor: the plan's flag or its product's switch (the marketplace's is the caller's). */
    public boolean requiresApproval() {
        return approvalRequired || product.isApprovalRequired();
    }

    public boolean isApprovalRequired() {
        return approvalRequired;
    }

    public boolean isSelfBilled() {
        return selfBilled;
    }

    public Set<PaymentMethod> getPaymentMethods() {
        return Arrays.stream(paymentMethods.split(",")).map(PaymentMethod::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(PaymentMethod.class)));
    }

    public List<ExtraResource> getExtraResources() {
        return List.copyOf(extraResources);
    }

    public List<Metric> getMetrics() {
        return List.copyOf(metrics);
    }

    public List<BundleItem> getBundleItems() {
        return List.copyOf(bundleItems);
    }

    public Optional<ExtraResource> extraResource(long id) {
        return extraResources.stream().filter(resource -> Long.valueOf(id).equals(resource.getId())).findFirst();
    }

    public Optional<Metric> metric(long id) {
        return metrics.stream().filter(metric -> Long.valueOf(id).equals(metric.getId())).findFirst();
    }
}
