package org.cloudmarket.billing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import org.cloudmarket.catalog.domain.PaymentMethod;
import org.cloudmarket.shared.persistence.TenantOwned;

/** A payment received for an invoice: for a bank transfer, the deposit slip (reference, date, amount) and who recorded it. */
@Entity
@Table(name = "payment")
public class Payment extends TenantOwned {

    @Column(name = "invoice_id")
    private Long invoiceId;

    @Enumerated(EnumType.STRING)
    private PaymentMethod method;

    private String reference;

    @Column(name = "paid_on")
    private LocalDate paidOn;

    private BigDecimal amount;

    private String currency;

    @Column(name = "recorded_by")
    private Long recordedBy;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected Payment() {
    }

    public Payment(long invoiceId, PaymentMethod method, String reference, LocalDate paidOn, BigDecimal amount, Currency currency,
                   long recordedBy, Instant recordedAt) {
        this.invoiceId = invoiceId;
        this.method = method;
        this.reference = reference;
        this.paidOn = paidOn;
        this.amount = amount;
        this.currency = currency.getCurrencyCode();
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public long getInvoiceId() {
        return invoiceId;
    }

    public PaymentMethod getMethod() {
        return method;
    }

    public String getReference() {
        return reference;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public Currency getCurrency() {
        return Currency.getInstance(currency);
    }

    public long getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
