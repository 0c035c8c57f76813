package org.cloudmarket.billing.domain;

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
import org.cloudmarket.shared.persistence.TenantOwned;

/** One line of an issued invoice: quantity x unit price (4 decimals) = net amount, rounded once; its VAT rate and category. */
@Entity
@Table(name = "invoice_line")
public class InvoiceLine extends TenantOwned {

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "invoice_id")
    private Invoice invoice;

    private int position;

    @Column(name = "proceed_id")
    private Long proceedId;

    @Enumerated(EnumType.STRING)
    private ProceedKind kind;

    private String description;

    private BigDecimal quantity;

    @Column(name = "unit_price")
    private BigDecimal unitPrice;

    @Column(name = "net_amount")
    private BigDecimal netAmount;

    @Column(name = "tax_rate")
    private BigDecimal taxRate;

    @Column(name = "tax_category")
    private String taxCategory;

    protected InvoiceLine() {
    }

    public InvoiceLine(Invoice invoice, int position, Long proceedId, ProceedKind kind, String description, BigDecimal quantity,
                       BigDecimal unitPrice, BigDecimal netAmount, BigDecimal taxRate, String taxCategory) {
        this.invoice = invoice;
        this.position = position;
        this.proceedId = proceedId;
        this.kind = kind;
        this.description = description;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.netAmount = netAmount;
        this.taxRate = taxRate;
        this.taxCategory = taxCategory;
    }

    public int getPosition() {
        return position;
    }

    public Optional<Long> getProceedId() {
        return Optional.ofNullable(proceedId);
    }

    public ProceedKind getKind() {
        return kind;
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

    public BigDecimal getNetAmount() {
        return netAmount;
    }

    public BigDecimal getTaxRate() {
        return taxRate;
    }

    public String getTaxCategory() {
        return taxCategory;
    }
}
