package org.cloudmarket.ordering.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.cloudmarket.catalog.domain.PaymentMethod;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.persistence.TenantOwned;
import org.cloudmarket.subscription.domain.Quantities;
import org.cloudmarket.subscription.domain.QuantitiesConverter;

/**
 * An order (DOMAIN.md, Orders and subscriptions): a purchase, or a change of a running
 * subscription, kept with everything it was priced with (its lines and their price chain, the
 * currency and exchange rate, the coupon) so that later price-list changes never change it.
 * Parties are kept by id: the order is read far more often than its parties are.
 */
@Entity
@Table(name = "purchase_order")
public class Order extends TenantOwned {

    @Enumerated(EnumType.STRING)
    private OrderType type;

    @Enumerated(EnumType.STRING)
    private OrderStatus status;

    @Enumerated(EnumType.STRING)
    private OrderSource source;

    /** The buying organization; null for a vendor's SANDBOX order, billed to nobody. */
    @Column(name = "customer_id")
    private Long customerId;

    /** The issuer: the seller of the storefront the order came through; null is the tenant. */
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

    @Column(name = "placed_by")
    private Long placedBy;

    private int duration;

    @Convert(converter = QuantitiesConverter.class)
    @Column(name = "extra_resources")
    private Quantities extraResources;

    @Column(name = "coupon_id")
    private Long couponId;

    private String currency;

    @Column(name = "marketplace_currency")
    private String marketplaceCurrency;

    @Column(name = "exchange_rate")
    private BigDecimal exchangeRate;

    /** Where its subscription's periods are anchored: now, or the later day a buyer chose. */
    @Column(name = "start_at")
    private Instant startAt;

    @Column(name = "subscription_id")
    private Long subscriptionId;

    /** The first order of a bundle purchase, which made one order per component plan. */
    @Column(name = "bundle_order_id")
    private Long bundleOrderId;

    /** Its first invoice; null while it waits for approval, and for what bills nobody. */
    @Column(name = "invoice_id")
    private Long invoiceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_method")
    private PaymentMethod paymentMethod;

    @Column(name = "decided_by")
    private Long decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_reason")
    private String decisionReason;

    private BigDecimal total;

    @Column(name = "created_at")
    private Instant createdAt;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<OrderLine> lines = new ArrayList<>();

    @Version
    private long version;

    protected Order() {
    }

    /** What an order is for, and who placed it where; the pricing comes with {@link #price}. */
    public record Parties(OrderSource source, Long customerId, Long sellerId, Long storefrontId, long vendorId, long productId,
                          long planId, long placedBy) {
    }

    public Order(OrderType type, OrderStatus status, Parties parties, int duration, Quantities extraResources, Instant startAt,
                 PaymentMethod paymentMethod, Instant now) {
        this.type = type;
        this.status = status;
        this.source = parties.source();
        this.customerId = parties.customerId();
        this.sellerId = parties.sellerId();
        this.storefrontId = parties.storefrontId();
        this.vendorId = parties.vendorId();
        this.productId = parties.productId();
        this.planId = parties.planId();
        this.placedBy = parties.placedBy();
        this.duration = duration;
        this.extraResources = extraResources;
        this.startAt = startAt;
        this.paymentMethod = paymentMethod;
        this.createdAt = now;
        this.total = BigDecimal.ZERO;
    }

    /** Keeps what the order was priced with: its lines (sell-out and chain), currency, rate and coupon. */
    public void price(List<OrderLine.Priced> priced, Currency currency, Currency marketplaceCurrency, BigDecimal exchangeRate,
                      Long couponId) {
        lines.clear();
        for (OrderLine.Priced line : priced) {
            lines.add(new OrderLine(this, lines.size(), line));
        }
        this.currency = currency.getCurrencyCode();
        this.marketplaceCurrency = marketplaceCurrency.getCurrencyCode();
        this.exchangeRate = exchangeRate;
        this.couponId = couponId;
        this.total = priced.stream().map(OrderLine.Priced::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * A REFUND order's amount (the credit note's total, negative), currencies and the staff's reason; it has no lines:
     * its credit note holds them.
     */
    public void refunds(BigDecimal creditTotal, Currency currency, Currency marketplaceCurrency, String reason) {
        if (type != OrderType.REFUND) {
            throw new IllegalStateException("Only a REFUND order refunds, not a " + type);
        }
        this.currency = currency.getCurrencyCode();
        this.marketplaceCurrency = marketplaceCurrency.getCurrencyCode();
        this.total = creditTotal;
        this.decisionReason = reason;
    }

    /** The auditor's decision on an order waiting for approval; a second decision is a 409. */
    public void decide(boolean approved, long auditor, String reason, Instant now) {
        if (status != OrderStatus.REQUIRES_APPROVAL) {
            throw new Conflict("Order " + getId() + " is " + status + ", not waiting for approval");
        }
        // an approved postponed order stays POSTPONED: that it was approved is in decidedAt/decidedBy
        this.status = !approved ? OrderStatus.REJECTED : isPostponed() ? OrderStatus.POSTPONED : OrderStatus.APPROVED;
        this.decidedBy = auditor;
        this.decidedAt = now;
        this.decisionReason = reason;
    }

    /** A purchase starting on a later day than it was placed (OrderPricing.startOf: today's start is its midnight, never later). */
    public boolean isPostponed() {
        return type == OrderType.NORMAL && startAt.isAfter(createdAt);
    }

    public void moveTo(OrderStatus next) {
        this.status = next;
    }

    public void attach(long subscriptionId) {
        this.subscriptionId = subscriptionId;
    }

    public void partOfBundle(long firstOrderId) {
        this.bundleOrderId = firstOrderId;
    }

    public void invoicedBy(long invoiceId) {
        this.invoiceId = invoiceId;
    }

    public OrderType getType() {
        return type;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public OrderSource getSource() {
        return source;
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

    public long getPlacedBy() {
        return placedBy;
    }

    public int getDuration() {
        return duration;
    }

    public Quantities getExtraResources() {
        return extraResources;
    }

    public Optional<Long> getCouponId() {
        return Optional.ofNullable(couponId);
    }

    public Currency getCurrency() {
        return Currency.getInstance(currency);
    }

    public Currency getMarketplaceCurrency() {
        return Currency.getInstance(marketplaceCurrency);
    }

    public Optional<BigDecimal> getExchangeRate() {
        return Optional.ofNullable(exchangeRate);
    }

    public Instant getStartAt() {
        return startAt;
    }

    public Optional<Long> getSubscriptionId() {
        return Optional.ofNullable(subscriptionId);
    }

    public Optional<Long> getBundleOrderId() {
        return Optional.ofNullable(bundleOrderId);
    }

    public Optional<Long> getInvoiceId() {
        return Optional.ofNullable(invoiceId);
    }

    public Optional<PaymentMethod> getPaymentMethod() {
        return Optional.ofNullable(paymentMethod);
    }

    public Optional<Long> getDecidedBy() {
        return Optional.ofNullable(decidedBy);
    }

    public Optional<Instant> getDecidedAt() {
        return Optional.ofNullable(decidedAt);
    }

    public Optional<String> getDecisionReason() {
        return Optional.ofNullable(decisionReason);
    }

    public BigDecimal getTotal() {
        return total;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<OrderLine> getLines() {
        return List.copyOf(lines);
    }
}
