package org.cloudmarket.subscription.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import org.cloudmarket.shared.persistence.TenantOwned;

/**
 * What an order became (DOMAIN.md, Orders and subscriptions): its type and deployment status,
 * its current billing period inside the commitment window, the extra resources it holds and
 * the prices of the window ({@code prices}, a PriceSnapshot as JSON: every level of the chain at the
 * window's start, so that price-list changes apply only at renewal or on a plan change).
 * <p>
 * Its fields change only through {@code subscription.service.Lifecycle.record}, which writes the
 * changelog; the setters here are package-private for that reason.
 */
@Entity
@Table(name = "subscription")
public class Subscription extends TenantOwned {

    @Enumerated(EnumType.STRING)
    private SubscriptionType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "deployment_status")
    private DeploymentStatus deploymentStatus;

    /** Why it is STOPPED (null in any other status): UNPAID leads on to UNDEPLOY_SENT, QUOTA waits for the upgrade. */
    @Enumerated(EnumType.STRING)
    @Column(name = "stop_reason")
    private StopReason stopReason;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "seller_id")
    private Long sellerId;

    @Column(name = "storefront_id")
    private Long storefrontId;

    @Column(name = "vendor_id")
    private Long vendorId;

    @Column(name = "product_id")
    private Long productId;

    @Column(name = "plan_id")
    private Long planId;

    /** The order that created it. */
    @Column(name = "order_id")
    private Long orderId;

    @Column(name = "bundle_order_id")
    private Long bundleOrderId;

    private String currency;

    @Column(name = "exchange_rate")
    private BigDecimal exchangeRate;

    /** The commitment window's prices: PriceSnapshot JSON. */
    private String prices;

    @Convert(converter = QuantitiesConverter.class)
    @Column(name = "extra_resources")
    private Quantities extraResources;

    /** A DEFERRED downgrade, applied at the next period start. */
    @Convert(converter = QuantitiesConverter.class)
    @Column(name = "next_extra_resources")
    private Quantities nextExtraResources;

    /** A DEFERRED plan change, applied at the next period start. */
    @Column(name = "next_plan_id")
    private Long nextPlanId;

    @Column(name = "coupon_id")
    private Long couponId;

    /** The order duration, in the plan's billing unit: the commitment window's length. */
    private int duration;

    @Column(name = "anchor_at")
    private Instant anchorAt;

    @Column(name = "window_start")
    private Instant windowStart;

    @Column(name = "period_start")
    private Instant periodStart;

    @Column(name = "period_end")
    private Instant periodEnd;

    /** The end of the commitment window: a renewal, or the end when auto-renew is off. */
    @Column(name = "ends_at")
    private Instant endsAt;

    @Column(name = "auto_renew")
    private boolean autoRenew;

    /** When it was sent to be undeployed (UNDEPLOY_SENT): its billing ends there, its last period's usage still owed. */
    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "trial_ends_at")
    private Instant trialEndsAt;

    @Column(name = "trial_converts")
    private boolean trialConverts;

    /** True when every invoice issued so far is paid. */
    private boolean paid;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private long version;

    protected Subscription() {
    }

    /** Who and what a new subscription is for. */
    public record Parties(Long customerId, Long sellerId, Long storefrontId, long vendorId, long productId, long planId,
                          long orderId, Long bundleOrderId) {
    }

    /** Its commitment window and first period. */
    public record Window(int duration, Instant anchorAt, Instant periodStart, Instant periodEnd, Instant endsAt) {
    }

    public Subscription(SubscriptionType type, DeploymentStatus status, Parties parties, Currency currency, BigDecimal exchangeRate,
                        String prices, Quantities extraResources, Long couponId, Window window, boolean autoRenew,
                        Instant trialEndsAt, boolean trialConverts, Instant now) {
        this.type = type;
        this.deploymentStatus = status;
        this.customerId = parties.customerId();
        this.sellerId = parties.sellerId();
        this.storefrontId = parties.storefrontId();
        this.vendorId = parties.vendorId();
        this.productId = parties.productId();
        this.planId = parties.planId();
        this.orderId = parties.orderId();
        this.bundleOrderId = parties.bundleOrderId();
        this.currency = currency.getCurrencyCode();
        this.exchangeRate = exchangeRate;
        this.prices = prices;
        this.extraResources = extraResources;
        this.couponId = couponId;
        this.duration = window.duration();
        this.anchorAt = window.anchorAt();
        this.windowStart = window.anchorAt();
        this.periodStart = window.periodStart();
        this.periodEnd = window.periodEnd();
        this.endsAt = window.endsAt();
        this.autoRenew = autoRenew;
        this.trialEndsAt = trialEndsAt;
        this.trialConverts = trialConverts;
        this.paid = true;
        this.createdAt = now;
    }

    // --- changed only by Lifecycle.record (package subscription.service through Change) ---

    void setDeploymentStatus(DeploymentStatus deploymentStatus) {
        this.deploymentStatus = deploymentStatus;
        this.stopReason = null;
    }

    void setType(SubscriptionType type) {
        this.type = type;
    }

    void setExtraResources(Quantities extraResources) {
        this.extraResources = extraResources;
    }

    void setNextExtraResources(Quantities nextExtraResources) {
        this.nextExtraResources = nextExtraResources;
    }

    void setNextPlanId(Long nextPlanId) {
        this.nextPlanId = nextPlanId;
    }

    void setPlan(long planId, String prices, Instant windowStart) {
        this.planId = planId;
        this.prices = prices;
        this.windowStart = windowStart;
    }

    void setAutoRenew(boolean autoRenew) {
        this.autoRenew = autoRenew;
    }

    void setPaid(boolean paid) {
        this.paid = paid;
    }

    void setPeriod(Instant periodStart, Instant periodEnd) {
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
    }

    void setEndsAt(Instant endsAt) {
        this.endsAt = endsAt;
    }

    void setEndedAt(Instant endedAt) {
        this.endedAt = endedAt;
    }

    /** A new cycle from {@code anchorAt}: its first period opens a new commitment window. */
    void setAnchor(Instant anchorAt) {
        this.anchorAt = anchorAt;
        this.windowStart = anchorAt;
    }

    void setTrialEndsAt(Instant trialEndsAt) {
        this.trialEndsAt = trialEndsAt;
    }

    void setCouponId(Long couponId) {
        this.couponId = couponId;
    }

    // --- reads ---

    public SubscriptionType getType() {
        return type;
    }

    void stop(StopReason reason) {
        this.deploymentStatus = DeploymentStatus.STOPPED;
        this.stopReason = reason;
    }

    public Optional<StopReason> getStopReason() {
        return Optional.ofNullable(stopReason);
    }

    public DeploymentStatus getDeploymentStatus() {
        return deploymentStatus;
    }

    public Optional<Long> getCustomerId() {
        return Optional.ofNullable(customerId);
    }

    public Optional<Long> getSellerId() {
        return Optional.ofNullable(sellerId);
    }

    public Optional<Long> getStorefrontId() {
        return Optional.ofNullable(storefrontId);
    }

    public long getVendorId() {
        return vendorId;
    }

    public long getProductId() {
        return productId;
    }

    public long getPlanId() {
        return planId;
    }

    public long getOrderId() {
        return orderId;
    }

    public Optional<Long> getBundleOrderId() {
        return Optional.ofNullable(bundleOrderId);
    }

    public Currency getCurrency() {
        return Currency.getInstance(currency);
    }

    public Optional<BigDecimal> getExchangeRate() {
        return Optional.ofNullable(exchangeRate);
    }

    public String getPrices() {
        return prices;
    }

    public Quantities getExtraResources() {
        return extraResources;
    }

    public Optional<Quantities> getNextExtraResources() {
        return Optional.ofNullable(nextExtraResources);
    }

    public Optional<Long> getNextPlanId() {
        return Optional.ofNullable(nextPlanId);
    }

    public Optional<Long> getCouponId() {
        return Optional.ofNullable(couponId);
    }

    public int getDuration() {
        return duration;
    }

    public Instant getAnchorAt() {
        return anchorAt;
    }

    public Instant getWindowStart() {
        return windowStart;
    }

    public Instant getPeriodStart() {
        return periodStart;
    }

    public Instant getPeriodEnd() {
        return periodEnd;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public boolean isAutoRenew() {
        return autoRenew;
    }

    public Optional<Instant> getEndedAt() {
        return Optional.ofNullable(endedAt);
    }

    public Optional<Instant> getTrialEndsAt() {
        return Optional.ofNullable(trialEndsAt);
    }

    public boolean isTrialConverts() {
        return trialConverts;
    }

    public boolean isPaid() {
        return paid;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
