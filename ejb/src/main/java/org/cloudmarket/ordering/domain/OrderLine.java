package org.cloudmarket.ordering.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Optional;
import org.cloudmarket.pricing.QuoteLine;
import org.cloudmarket.shared.persistence.TenantOwned;

/**
 * One priced line of an order: the sell-out line the buyer read (unit price times quantity,
 * rounded once) and, per component, the unit prices of the levels above it (vendor, wholesale,
 * sell-in, in the marketplace's currency), null where a level does not apply (a reseller's own
 * service, a discount).
 */
@Entity
@Table(name = "order_line")
public class OrderLine extends TenantOwned {

    /** A line as the pricing made it, before it belongs to an order. */
    public record Priced(QuoteLine.Type type, String component, String description, BigDecimal quantity, BigDecimal unitPrice,
                         BigDecimal amount, BigDecimal vendorUnitPrice, BigDecimal wholesaleUnitPrice, BigDecimal sellInUnitPrice) {
    }

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "order_id")
    private Order order;

    private int position;

    @Enumerated(EnumType.STRING)
    @Column(name = "line_type")
    private QuoteLine.Type type;

    private String component;

    private String description;

    private BigDecimal quantity;

    @Column(name = "unit_price")
    private BigDecimal unitPrice;

    private BigDecimal amount;

    @Column(name = "vendor_unit_price")
    private BigDecimal vendorUnitPrice;

    @Column(name = "wholesale_unit_price")
    private BigDecimal wholesaleUnitPrice;

    @Column(name = "sell_in_unit_price")
    private BigDecimal sellInUnitPrice;

    protected OrderLine() {
    }

    OrderLine(Order order, int position, Priced priced) {
        this.order = order;
        this.position = position;
        this.type = priced.type();
        this.component = priced.component();
        this.description = priced.description();
        this.quantity = priced.quantity();
        this.unitPrice = priced.unitPrice();
        this.amount = priced.amount();
        this.vendorUnitPrice = priced.vendorUnitPrice();
        this.wholesaleUnitPrice = priced.wholesaleUnitPrice();
        this.sellInUnitPrice = priced.sellInUnitPrice();
    }

    public Priced priced() {
        return new Priced(type, component, description, quantity, unitPrice, amount, vendorUnitPrice, wholesaleUnitPrice,
                sellInUnitPrice);
    }

    public int getPosition() {
        return position;
    }

    public QuoteLine.Type getType() {
        return type;
    }

    public String getComponent() {
        return component;
    }

    public String getDescription() {
        return description;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public Optional<BigDecimal> getVendorUnitPrice() {
        return Optional.ofNullable(vendorUnitPrice);
    }

    public Optional<BigDecimal> getWholesaleUnitPrice() {
        return Optional.ofNullable(wholesaleUnitPrice);
    }

    public Optional<BigDecimal> getSellInUnitPrice() {
        return Optional.ofNullable(sellInUnitPrice);
    }
}
