package org.cloudmarket.billing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import org.cloudmarket.shared.persistence.TenantOwned;

/**
 * What a self-billing party owes the marketplace owner for a pro-forma it declared paid (DOMAIN.md, Billing:
 * Self-billing; Decisions: Who collects): a vendor collecting its own sale owes the platform fee, a reseller billing
 * its own sell-out owes the sell-in price. In the marketplace's currency, from the pro-forma's proceeds. One per pro-forma.
 */
@Entity
@Table(name = "owed_fee")
public class OwedFee extends TenantOwned {

    @Column(name = "invoice_id")
    private Long invoiceId;

    /** The vendor or reseller that collected and owes. */
    @Column(name = "debtor_id")
    private Long debtorId;

    private BigDecimal amount;

    private String currency;

    @Column(name = "declared_by")
    private Long declaredBy;

    @Column(name = "declared_at")
    private Instant declaredAt;

    protected OwedFee() {
    }

    public OwedFee(long invoiceId, long debtorId, BigDecimal amount, Currency currency, long declaredBy, Instant declaredAt) {
        this.invoiceId = invoiceId;
        this.debtorId = debtorId;
        this.amount = amount;
        this.currency = currency.getCurrencyCode();
        this.declaredBy = declaredBy;
        this.declaredAt = declaredAt;
    }

    public long getInvoiceId() {
        return invoiceId;
    }

    public long getDebtorId() {
        return debtorId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public Currency getCurrency() {
        return Currency.getInstance(currency);
    }

    public Instant getDeclaredAt() {
        return declaredAt;
    }
}
