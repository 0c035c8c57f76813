package org.cloudmarket.billing.service;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cloudmarket.billing.domain.BillableItem;
import org.cloudmarket.billing.domain.Invoice;
import org.cloudmarket.billing.domain.InvoiceDraft;
import org.cloudmarket.billing.domain.InvoiceDrafts;
import org.cloudmarket.billing.domain.InvoiceDraftLine;
import org.cloudmarket.billing.domain.InvoiceGenerator;
import org.cloudmarket.billing.domain.InvoiceInput;
import org.cloudmarket.billing.domain.InvoiceKind;
import org.cloudmarket.billing.domain.InvoiceLine;
import org.cloudmarket.billing.domain.InvoiceNumbers;
import org.cloudmarket.billing.domain.InvoiceStatus;
import org.cloudmarket.billing.domain.InvoiceTax;
import org.cloudmarket.billing.domain.Party;
import org.cloudmarket.billing.domain.Proceed;
import org.cloudmarket.billing.domain.TaxPolicy;
import org.cloudmarket.billing.domain.TaxSubtotal;
import org.cloudmarket.billing.domain.TaxTreatment;
import org.cloudmarket.shared.error.Conflict;
import org.cloudmarket.tenancy.domain.BillingDetails;
import org.cloudmarket.tenancy.domain.Organization;
import org.cloudmarket.tenancy.domain.Tenant;

/**
 * Issues an invoice, credit note or pro-forma from proceeds of one customer, issuer and currency (DOMAIN.md,
 * Billing and Decisions: Invoices, Tax). The issuer is the seller of the storefront (the tenant, or a reseller); both
 * parties' billing details are copied into the invoice; VAT comes from TaxPolicy with the tenant's
 * {@code billing.vat.<country>} settings; the lines from the pure InvoiceGenerator; the number from the issuer's
 * counter, locked in this transaction. Callers that issue several invoices in one transaction issue them in
 * issuer-key order, so two such transactions lock counters in the same order.
 */
@Dependent
public class Invoicing {

    @Inject
    private EntityManager entityManager;

    @Inject
    private BillingTenant billingTenant;

    @Inject
    private InvoiceCounters counters;

    @Inject
    private Clock clock;

    /** When an invoice is due: at issue (a first invoice), or after the tenant's payment terms. */
    public enum Due { AT_ISSUE, PAYMENT_TERMS }

    public Invoice issue(InvoiceKind kind, List<Proceed> proceeds, Long orderId, Due due) {
        Instant now = clock.instant();
        return issue(kind, proceeds, orderId, due == Due.AT_ISSUE ? now : now.plus(Duration.ofDays(billingTenant.settings().paymentTermsDays())));
    }

    /** The same, due at a given instant: a billing run's renewal invoice is due when the renewed window starts. */
    public Invoice issue(InvoiceKind kind, List<Proceed> proceeds, Long orderId, Instant dueAt) {
        Prepared prepared = prepare(kind, proceeds);
        Instant now = clock.instant();
        Invoice invoice = store(prepared.draft(), prepared.parties(), now, dueAt, null, orderId);
        proceeds.forEach(proceed -> proceed.invoicedBy(invoice.getId()));
        return invoice;
    }

    /** What an invoice of the proceeds says before it is numbered and written: its lines, VAT and totals, and its parties. */
    public record Prepared(InvoiceDraft draft, Invoice.Parties parties) {
    }

    /**
     * The draft and parties of an invoice of the proceeds (one customer, issuer and currency, none invoiced yet, in their
     * lines' order), as {@link #issue} stores it; a billing run's invoices step writes it a group of invoices at a time
     * (RunInvoiceWrites). A 409 when either party has no billing details.
     */
    public Prepared prepare(InvoiceKind kind, List<Proceed> proceeds) {
        if (proceeds.isEmpty()) {
            throw new IllegalArgumentException("An invoice bills at least one proceed");
        }
        Proceed first = proceeds.get(0);
        for (Proceed proceed : proceeds) {
            if (!Objects.equals(proceed.getCustomerId(), first.getCustomerId()) || !Objects.equals(proceed.getSellerId(), first.getSellerId())
                    || !proceed.getCurrency().equals(first.getCurrency())) {
                throw new IllegalArgumentException("One invoice bills one customer for one issuer in one currency");
            }
            if (proceed.getInvoiceId().isPresent()) {
                throw new Conflict("Proceed " + proceed.getId() + " is invoiced already");
            }
        }
        Tenant tenant = billingTenant.tenant();
        Long issuerId = first.getSellerId().orElse(null);
        Named issuer = issuer(issuerId);
        Named customer = organization(first.getCustomerId().orElseThrow(() -> new IllegalArgumentException("A proceed without customer")));
        BillingDetails issuerDetails = issuer.details().orElseThrow(() -> new Conflict(
                "The seller " + issuer.name() + " has no billing details yet: it cannot issue invoices"));
        BillingDetails customerDetails = customer.details().orElseThrow(() -> new Conflict(
                "The customer " + customer.name() + " has no billing details yet: it cannot be invoiced"));
        Party issuerParty = Party.of(issuerDetails);
        Party customerParty = Party.of(customerDetails);
        TaxTreatment tax = TaxPolicy.fromSettings(tenant.getSettings()).treatment(issuerParty, customerParty);
        List<BillableItem> items = proceeds.stream()
                .map(proceed -> new BillableItem(proceed.getId(), proceed.getKind(), proceed.getDescription(), proceed.getQuantity(),
                        proceed.getUnitPrice(), proceed.getAmount())).toList();
        InvoiceDraft draft = InvoiceGenerator.generate(new InvoiceInput(kind, issuerParty, customerParty, first.getCurrency(), items, tax));
        return new Prepared(draft, new Invoice.Parties(issuerId, issuer.name(), issuerDetails.copy(), customer.id(), customer.name(),
                customerDetails.copy()));
    }

    /** The year an invoice issued now is numbered in: the tenant's calendar year. */
    public int year(Instant now) {
        return InvoiceNumbers.yearOf(now, billingTenant.tenant().getTimeZone());
    }

    /**
     * Cancels an unpaid invoice by a credit note of its own series, the exact negation of what it invoiced (the
     * generator's {@code creditNoteFor}), referencing it. The credit note is settled against the invoice at once:
     * nothing was paid, so nothing is owed either way.
     */
    public Invoice cancelByCreditNote(Invoice invoice) {
        invoice.cancel();
        InvoiceDraft credit = InvoiceGenerator.creditNoteFor(InvoiceDrafts.of(invoice));
        Instant now = clock.instant();
        Invoice note = store(credit, new Invoice.Parties(invoice.getIssuerId().orElse(null), invoice.getIssuerName(),
                        invoice.getIssuerDetails().map(BillingDetails::copy).orElse(null), invoice.getCustomerId().orElse(null),
                        invoice.getCustomerName(), invoice.getCustomerDetails().map(BillingDetails::copy).orElse(null)),
                now, now, invoice.getId(), invoice.getOrderId().orElse(null));
        note.markPaid(now);
        return note;
    }

    /**
     * A refund's credit note (RefundNotes made its draft), referencing the paid invoice and keeping its parties as the
     * invoice copied them; it belongs to the REFUND order. Settled at issue: the money goes back, nothing is owed.
     */
    public Invoice refund(Invoice invoice, InvoiceDraft credit, long refundOrderId) {
        if (credit.kind() != InvoiceKind.CREDIT_NOTE) {
            throw new IllegalArgumentException("A refund is a credit note, not a " + credit.kind());
        }
        Instant now = clock.instant();
        Invoice note = store(credit, new Invoice.Parties(invoice.getIssuerId().orElse(null), invoice.getIssuerName(),
                        invoice.getIssuerDetails().map(BillingDetails::copy).orElse(null), invoice.getCustomerId().orElse(null),
                        invoice.getCustomerName(), invoice.getCustomerDetails().map(BillingDetails::copy).orElse(null)),
                now, now, invoice.getId(), refundOrderId);
        note.markPaid(now);
        return note;
    }

    private Invoice store(InvoiceDraft draft, Invoice.Parties parties, Instant now, Instant dueAt, Long creditsInvoiceId, Long orderId) {
        int year = year(now);
        long issuerKey = parties.issuerId() == null ? 0 : parties.issuerId();
        int counter = counters.next(issuerKey, draft.kind(), year);
        Invoice invoice = new Invoice(draft.kind(), parties, numbering(parties, draft.kind(), year, counter), InvoiceStatus.UNPAID,
                draft.currency(), now, dueAt, draft.note(), creditsInvoiceId, orderId);
        entityManager.persist(invoice);
        List<InvoiceLine> lines = new ArrayList<>();
        for (InvoiceDraftLine line : draft.lines()) {
            lines.add(new InvoiceLine(invoice, line.position(), line.proceedId(), line.kind(), line.description(), line.quantity(),
                    line.unitPrice(), line.netAmount().amount(), line.taxRate(), line.taxCategory()));
        }
        List<InvoiceTax> taxes = new ArrayList<>();
        for (TaxSubtotal subtotal : draft.taxSubtotals()) {
            taxes.add(new InvoiceTax(invoice, subtotal.rate(), subtotal.category(), subtotal.taxable().amount(), subtotal.tax().amount()));
        }
        invoice.fill(lines, taxes, draft.net().amount(), draft.tax().amount(), draft.total().amount());
        entityManager.flush(); // its id, for the proceeds and the mail
        return invoice;
    }

    /** The number {@code counter} of the issuer's series and year, with the issuer's prefix. */
    public static Invoice.Numbering numbering(Invoice.Parties parties, InvoiceKind kind, int year, int counter) {
        String prefix = parties.issuerDetails() == null ? null : parties.issuerDetails().getInvoicePrefix().filter(p -> !p.isBlank())
                .orElse(null);
        if (prefix == null && parties.issuerId() != null) {
            // numbers are unique per tenant: a reseller without a prefix of its own must not reuse the tenant's default "INV"
            prefix = InvoiceNumbers.DEFAULT_PREFIX + parties.issuerId();
        }
        return new Invoice.Numbering(year, counter, InvoiceNumbers.format(prefix, kind, year, counter));
    }

    /** Whether the issuer (null: the tenant) can invoice the customer now: both have billing details, which {@link #issue} copies. */
    public boolean invoiceable(Long issuerId, long customerId) {
        return issuer(issuerId).details().isPresent() && organization(customerId).details().isPresent();
    }

    private Named issuer(Long issuerId) {
        Tenant tenant = billingTenant.tenant();
        return issuerId == null ? new Named(tenant.getName(), tenant.getBillingDetails()) : organization(issuerId);
    }

    private Named organization(long id) {
        Organization organization = entityManager.find(Organization.class, id);
        if (organization == null) {
            throw new IllegalStateException("No organization " + id);
        }
        // a customer's legal name, as views show it (CustomerNames): never another seller's "Mario Rossi (2)"
        String name = organization.getBillingDetails().map(BillingDetails::getLegalName).orElse(organization.getName());
        return new Named(organization.getId(), name, organization.getBillingDetails());
    }

    private record Named(Long id, String name, Optional<BillingDetails> details) {
        Named(String name, Optional<BillingDetails> details) {
            this(null, name, details);
        }
    }
}
