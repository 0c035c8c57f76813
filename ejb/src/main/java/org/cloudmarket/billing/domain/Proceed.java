package org.cloudmarket.billing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.Currency;
import java.util.Optional;
import org.cloudmarket.shared.persistence.TenantOwned;

/**
 * What a subscription earns for one component in one period (DOMAIN.md, Billing), with the
 * whole price chain: the sell-out amount the customer is invoiced (in the order's currency) and the
 * vendor, wholesale and sell-in amounts (in the marketplace's), the platform fee and the rate.
 * Everything billed is a proceed first; invoices are made only from proceeds. Its natural key
 * (tenant, subscription, component, kind, period start, order) is unique, so a re-run finds it there.
 */
@Entity
@Table(name = "proceed")
public class Proceed extends TenantOwned {

    /** Who a proceed's money flows between. */
    public record Parties(long subscriptionId, long orderId, Long customerId, Long sellerId, long vendorId, Long distributorId,
                          Long resellerId, long planId) {
    }

    /** The price chain of the proceed's amount: sell-out in {@code currency}, the levels above in {@code upstreamCurrency}. */
    public record Chain(Currency currency, BigDecimal unitPrice, BigDecimal amount, Currency upstreamCurrency, BigDecimal vendorAmount,
                        BigDecimal wholesaleAmount, BigDecimal sellInAmount, BigDecimal platformFee, BigDecimal exchangeRate) {
    }

    /**
     * The order of a run's invoice lines (issue 13): by subscription, period, component and kind (then order), never by
     * id. The ids follow the order in which a run's parallel partitions happened to write the proceeds, so a run killed
     * and restarted, or merely run again, would list the same lines of an invoice in another order.
     */
    public static final Comparator<Proceed> LINE_ORDER = Comparator.comparing(Proceed::getSubscriptionId)
            .thenComparing(Proceed::getPeriodStart).thenComparing(Proceed::getComponent).thenComparing(Proceed::getKind)
            .thenComparing(Proceed::getOrderId);

    @Column(name = "subscription_id")
    private Long subscriptionId;

    @Column(name = "order_id")
    private Long orderId;

    private String component;

    @Enumerated(EnumType.STRING)
    private ProceedKind kind;

    @Column(name = "period_start")
    private Instant periodStart;

    @Column(name = "period_end")
    private Instant periodEnd;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "seller_id")
    private Long sellerId;

    @Column(name = "vendor_id")
    private Long vendorId;

    @Column(name = "distributor_id")
    private Long distributorId;

    @Column(name = "reseller_id")
    private Long resellerId;

    @Column(name = "plan_id")
    private Long planId;

    private String description;

    private BigDecimal quantity;

    private String currency;

    @Column(name = "unit_price")
    private BigDecimal unitPrice;

    private BigDecimal amount;

    @Column(name = "upstream_currency")
    private String upstreamCurrency;

    @Column(name = "vendor_amount")
    private BigDecimal vendorAmount;

    @Column(name = "wholesale_amount")
    private BigDecimal wholesaleAmount;

    @Column(name = "sell_in_amount")
    private BigDecimal sellInAmount;

    @Column(name = "platform_fee")
    private BigDecimal platformFee;

    @Column(name = "exchange_rate")
    private BigDecimal exchangeRate;

    @Column(name = "invoice_id")
    private Long invoiceId;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Proceed() {
    }

    public Proceed(Parties parties, String component, ProceedKind kind, Instant periodStart, Instant periodEnd, String description,
                   BigDecimal quantity, Chain chain, Instant now) {
        this.subscriptionId = parties.subscriptionId();
        this.orderId = parties.orderId();
        this.customerId = parties.customerId();
        this.sellerId = parties.sellerId();
        this.vendorId = parties.vendorId();
        this.distributorId = parties.distributorId();
        this.resellerId = parties.resellerId();
        this.planId = parties.planId();
        this.component = component;
        this.kind = kind;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.description = description;
        this.quantity = quantity;
        this.currency = chain.currency().getCurrencyCode();
        this.unitPrice = chain.unitPrice();
        this.amount = chain.amount();
        this.upstreamCurrency = chain.upstreamCurrency().getCurrencyCode();
        this.vendorAmount = chain.vendorAmount();
        this.wholesaleAmount = chain.wholesaleAmount();
        this.sellInAmount = chain.sellInAmount();
        this.platformFee = chain.platformFee();
        this.exchangeRate = chain.exchangeRate();
        this.createdAt = now;
    }

    public void invoicedBy(long invoiceId) {
        this.invoiceId = invoiceId;
    }

    public long getSubscriptionId() {
        return subscriptionId;
    }

    public long getOrderId() {
        return orderId;
    }

    public String getComponent() {
        return component;
    }

    public ProceedKind getKind() {
        return kind;
    }

    public Instant getPeriodStart() {
        return periodStart;
    }

    public Instant getPeriodEnd() {
        return periodEnd;
    }

    public Optional<Long> getCustomerId() {
        return Optional.ofNullable(customerId);
    }

    public Optional<Long> getSellerId() {
        return Optional.ofNullable(sellerId);
    }

    public long getVendorId() {
        return vendorId;
    }

    public Optional<Long> getDistributorId() {
        return Optional.ofNullable(distributorId);
    }

    public Optional<Long> getResellerId() {
        return Optional.ofNullable(resellerId);
    }

    public long getPlanId() {
        return planId;
    }

    public String getDescription() {
        return description;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public Currency getCurrency() {
        return Currency.getInstance(currency);
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public Chain chain() {
        return new Chain(getCurrency(), unitPrice, amount, Currency.getInstance(upstreamCurrency), vendorAmount, wholesaleAmount,
                sellInAmount, platformFee, exchangeRate);
    }

    public Optional<Long> getInvoiceId() {
        return Optional.ofNullable(invoiceId);
    }
}
