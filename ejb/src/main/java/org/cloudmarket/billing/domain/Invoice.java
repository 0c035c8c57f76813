package org.cloudmarket.billing.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.shared.persistence.TenantOwned;
import org.cloudmarket.tenancy.domain.BillingDetails;

/**
 * An issued invoice, credit note or pro-forma (DOMAIN.md, Billing and Decisions: Invoices). It is
 * never edited once issued: only its status moves (paid, cancelled by a credit note). It keeps a
 * copy of the issuer's and the customer's billing details as they were, so that a later change or
 * an account's closing never changes what was invoiced. Its number is unique per tenant; the
 * counter behind it (issuer, series, year) has no gap.
 */
@Entity
@Table(name = "invoice")
public class Invoice extends TenantOwned {

    @Enumerated(EnumType.STRING)
    private InvoiceKind kind;

    /** The organization issuing it (a reseller); null is the tenant. */
    @Column(name = "issuer_id")
    private Long issuerId;

    /** The counter's key: 0 for the tenant, else the issuer's id (a unique key cannot hold NULLs as equal). */
    @Column(name = "issuer_key")
    private long issuerKey;

    @Column(name = "customer_id")
    private Long customerId;

    private int year;

    private int counter;

    private String number;

    @Enumerated(EnumType.STRING)
    private InvoiceStatus status;

    private String currency;

    @Column(name = "issued_at")
    private Instant issuedAt;

    @Column(name = "due_at")
    private Instant dueAt;

    private BigDecimal net;

    private BigDecimal tax;

    private BigDecimal total;

    @Column(name = "issuer_name")
    private String issuerName;

    @Column(name = "customer_name")
    private String customerName;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "kind", column = @Column(name = "issuer_party_kind")),
            @AttributeOverride(name = "legalName", column = @Column(name = "issuer_legal_name")),
            @AttributeOverride(name = "address", column = @Column(name = "issuer_address_line")),
            @AttributeOverride(name = "city", column = @Column(name = "issuer_city")),
            @AttributeOverride(name = "postalCode", column = @Column(name = "issuer_postal_code")),
            @AttributeOverride(name = "country", column = @Column(name = "issuer_country")),
            @AttributeOverride(name = "vatNumber", column = @Column(name = "issuer_vat_number")),
            @AttributeOverride(name = "fiscalCode", column = @Column(name = "issuer_fiscal_code")),
            @AttributeOverride(name = "sdiCode", column = @Column(name = "issuer_sdi_code")),
            @AttributeOverride(name = "pec", column = @Column(name = "issuer_pec")),
            @AttributeOverride(name = "iban", column = @Column(name = "issuer_iban")),
            @AttributeOverride(name = "invoicePrefix", column = @Column(name = "issuer_invoice_prefix"))
    })
    private BillingDetails issuerDetails;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "kind", column = @Column(name = "customer_party_kind")),
            @AttributeOverride(name = "legalName", column = @Column(name = "customer_legal_name")),
            @AttributeOverride(name = "address", column = @Column(name = "customer_address_line")),
            @AttributeOverride(name = "city", column = @Column(name = "customer_city")),
            @AttributeOverride(name = "postalCode", column = @Column(name = "customer_postal_code")),
            @AttributeOverride(name = "country", column = @Column(name = "customer_country")),
            @AttributeOverride(name = "vatNumber", column = @Column(name = "customer_vat_number")),
            @AttributeOverride(name = "fiscalCode", column = @Column(name = "customer_fiscal_code")),
            @AttributeOverride(name = "sdiCode", column = @Column(name = "customer_sdi_code")),
            @AttributeOverride(name = "pec", column = @Column(name = "customer_pec")),
            @AttributeOverride(name = "iban", column = @Column(name = "customer_iban")),
            @AttributeOverride(name = "invoicePrefix", column = @Column(name = "customer_invoice_prefix"))
    })
    private BillingDetails customerDetails;

    @Column(name = "tax_note")
    private String taxNote;

    /** A credit note's cancelled invoice. */
    @Column(name = "credits_invoice_id")
    private Long creditsInvoiceId;

    /** The order whose first invoice this is. */
    @Column(name = "order_id")
    private Long orderId;

    @Column(name = "paid_at")
    private Instant paidAt;

    /** When its payment started processing at the gateway (status PENDING): it pauses the dunning count (DunningRules). */
    @Column(name = "pending_since")
    private Instant pendingSince;

    /** The pause its failed payments built up while PENDING, kept once UNPAID again (DunningRules.OpenInvoice.paused). */
    @Column(name = "paused_seconds")
    private long pausedSeconds;

    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<InvoiceLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<InvoiceTax> taxes = new ArrayList<>();

    @Version
    private long version;

    protected Invoice() {
    }

    /** Who issues to whom, as they were at issue. */
    public record Parties(Long issuerId, String issuerName, BillingDetails issuerDetails, Long customerId, String customerName,
                          BillingDetails customerDetails) {
    }

    /** Its number, taken from the issuer's counter of its series and year. */
    public record Numbering(int year, int counter, String number) {
    }

    public Invoice(InvoiceKind kind, Parties parties, Numbering numbering, InvoiceStatus status, Currency currency, Instant issuedAt,
                   Instant dueAt, String taxNote, Long creditsInvoiceId, Long orderId) {
        this.kind = kind;
        this.issuerId = parties.issuerId();
        this.issuerKey = parties.issuerId() == null ? 0 : parties.issuerId();
        this.issuerName = parties.issuerName();
        this.issuerDetails = parties.issuerDetails();
        this.customerId = parties.customerId();
        this.customerName = parties.customerName();
        this.customerDetails = parties.customerDetails();
        this.year = numbering.year();
        this.counter = numbering.counter();
        this.number = numbering.number();
        this.status = status;
        this.currency = currency.getCurrencyCode();
        this.issuedAt = issuedAt;
        this.dueAt = dueAt;
        this.taxNote = taxNote;
        this.creditsInvoiceId = creditsInvoiceId;
        this.orderId = orderId;
        this.net = BigDecimal.ZERO;
        this.tax = BigDecimal.ZERO;
        this.total = BigDecimal.ZERO;
    }

    /** The lines and VAT the generator made; only while the invoice is being issued. */
    public void fill(List<InvoiceLine> newLines, List<InvoiceTax> newTaxes, BigDecimal net, BigDecimal tax, BigDecimal total) {
        if (!lines.isEmpty()) {
            throw new IllegalStateException("An issued invoice is never edited: " + number);
        }
        lines.addAll(newLines);
        taxes.addAll(newTaxes);
        this.net = net;
        this.tax = tax;
        this.total = total;
    }

    /** Paid (or declared paid, for a pro-forma); a second payment is a 409. */
    public void markPaid(Instant at) {
        if (status.countsAsPaid() || status == InvoiceStatus.CANCELLED) {
            throw new Conflict("Invoice " + number + " is " + status);
        }
        this.status = InvoiceStatus.PAID;
        this.paidAt = at;
    }

    /** Its payment started processing at the gateway (a SEPA debit): the dunning count stands still from {@code at}. */
    public void paymentPending(Instant at) {
        if (status != InvoiceStatus.UNPAID && status != InvoiceStatus.REQUIRES_ACTION) {
            throw new Conflict("Invoice " + number + " is " + status + ": no payment of it can start");
        }
        this.status = InvoiceStatus.PENDING;
        this.pendingSince = at;
    }

    /**
     * Its PENDING payment failed at {@code at}: UNPAID again, keeping the pause it built up (DunningRules.keptAfterFailure),
     * so that the count goes on where it stood.
     */
    public void paymentFailed(Instant at) {
        if (status != InvoiceStatus.PENDING) {
            throw new Conflict("Invoice " + number + " is " + status + ": it has no payment processing");
        }
        this.pausedSeconds = DunningRules.keptAfterFailure(new DunningRules.OpenInvoice(status, dueAt, getPendingSince(), getPaused()), at)
                .toSeconds();
        this.status = InvoiceStatus.UNPAID;
        this.pendingSince = null;
    }

    /** Cancelled by a credit note (a first invoice left unpaid past its window). */
    public void cancel() {
        if (status.countsAsPaid()) {
            throw new Conflict("Invoice " + number + " is paid: refund it instead");
        }
        this.status = InvoiceStatus.CANCELLED;
    }

    public InvoiceKind getKind() {
        return kind;
    }

    public Optional<Long> getIssuerId() {
        return Optional.ofNullable(issuerId);
    }

    public long getIssuerKey() {
        return issuerKey;
    }

    public Optional<Long> getCustomerId() {
        return Optional.ofNullable(customerId);
    }

    public int getYear() {
        return year;
    }

    public int getCounter() {
        return counter;
    }

    public String getNumber() {
        return number;
    }

    public InvoiceStatus getStatus() {
        return status;
    }

    public Currency getCurrency() {
        return Currency.getInstance(currency);
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public BigDecimal getNet() {
        return net;
    }

    public BigDecimal getTax() {
        return tax;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public String getIssuerName() {
        return issuerName;
    }

    public String getCustomerName() {
        return customerName;
    }

    public Optional<BillingDetails> getIssuerDetails() {
        return Optional.ofNullable(issuerDetails);
    }

    public Optional<BillingDetails> getCustomerDetails() {
        return Optional.ofNullable(customerDetails);
    }

    public Optional<String> getTaxNote() {
        return Optional.ofNullable(taxNote);
    }

    public Optional<Long> getCreditsInvoiceId() {
        return Optional.ofNullable(creditsInvoiceId);
    }

    public Optional<Long> getOrderId() {
        return Optional.ofNullable(orderId);
    }

    public Optional<Instant> getPaidAt() {
        return Optional.ofNullable(paidAt);
    }

    public Optional<Instant> getPendingSince() {
        return Optional.ofNullable(pendingSince);
    }

    /** The pause earlier, failed payments built up. */
    public Duration getPaused() {
        return Duration.ofSeconds(pausedSeconds);
    }

    public List<InvoiceLine> getLines() {
        return List.copyOf(lines);
    }

    public List<InvoiceTax> getTaxes() {
        return List.copyOf(taxes);
    }
}
