package org.cloudmarket.billing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.cloudmarket.shared.persistence.TenantOwned;

/** An invoice's VAT for one rate: on the sum of the rounded net lines at that rate (EN 16931 BR-CO-17), rounded once. */
@Entity
@Table(name = "invoice_tax")
public class InvoiceTax extends TenantOwned {

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "invoice_id")
    private Invoice invoice;

    @Column(name = "tax_rate")
    private BigDecimal taxRate;

    @Column(name = "tax_category")
    private String taxCategory;

    private BigDecimal taxable;

    private BigDecimal tax;

    protected InvoiceTax() {
    }

    public InvoiceTax(Invoice invoice, BigDecimal taxRate, String taxCategory, BigDecimal taxable, BigDecimal tax) {
        this.invoice = invoice;
        this.taxRate = taxRate;
        this.taxCategory = taxCategory;
        this.taxable = taxable;
        this.tax = tax;
    }

    public BigDecimal getTaxRate() {
        return taxRate;
    }

    public String getTaxCategory() {
        return taxCategory;
    }

    public BigDecimal getTaxable() {
        return taxable;
    }

    public BigDecimal getTax() {
        return tax;
    }
}
