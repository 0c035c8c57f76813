package org.cloudmarket.billing.domain;

import java.util.Set;
import org.cloudmarket.subscription.domain.PartyScope;

/**
 * Who sees an invoice (issue 11: the customer, the issuer and the tenant's staff, and nobody else): the one rule
 * every list, single read, PDF and payment of invoices applies. From the caller's PartyScope: staff see all, a
 * customer its own, a reseller those it issued. A vendor sees the invoices addressed to it (the tenant's monthly
 * invoice of its trial and sandbox costs, VendorCosts) whole, and the pro-formas it must declare: those the tenant
 * issued whose every line bills one of its plans (a self-billed plan, or every plan under {@code billing.selfBilling}
 * ENABLED; the same test {@code SelfBilling.declare} makes), read without the buyer's payment details. A distributor's
 * (CHANNEL) sees none: it issues nothing to end customers and sees no buyer's details.
 */
public record InvoiceVisibility(PartyScope.Kind kind, Set<Long> ids) {

    public InvoiceVisibility {
        ids = Set.copyOf(ids);
    }

    public static InvoiceVisibility of(PartyScope scope) {
        return switch (scope.kind()) {
            case ALL -> new InvoiceVisibility(PartyScope.Kind.ALL, Set.of());
            case CUSTOMER -> new InvoiceVisibility(PartyScope.Kind.CUSTOMER, scope.ids());
            case SELLER -> new InvoiceVisibility(PartyScope.Kind.SELLER, scope.ids());
            case VENDOR -> new InvoiceVisibility(PartyScope.Kind.VENDOR, scope.ids());
            case CHANNEL, NONE -> none();
        };
    }

    private static InvoiceVisibility none() {
        return new InvoiceVisibility(PartyScope.Kind.NONE, Set.of());
    }

    /** A JPQL condition on an Invoice alias, with {@code :scopeIds} when {@link #bindsIds}. */
    public String jpql(String alias) {
        return switch (kind) {
            case ALL -> "1 = 1";
            case CUSTOMER -> alias + ".customerId IN :scopeIds";
            case SELLER -> alias + ".issuerId IN :scopeIds";
            case VENDOR -> "(" + alias + ".customerId IN :scopeIds OR (" + alias + ".kind = org.cloudmarket.billing.domain.InvoiceKind.PRO_FORMA"
                    + " AND " + alias + ".issuerId IS NULL"
                    + " AND EXISTS (SELECT vp FROM Proceed vp WHERE vp.invoiceId = " + alias + ".id AND vp.vendorId IN :scopeIds)"
                    + " AND NOT EXISTS (SELECT op FROM Proceed op WHERE op.invoiceId = " + alias + ".id AND op.vendorId NOT IN :scopeIds)))";
            case CHANNEL, NONE -> "1 = 0";
        };
    }

    public boolean bindsIds() {
        return kind == PartyScope.Kind.CUSTOMER || kind == PartyScope.Kind.SELLER || kind == PartyScope.Kind.VENDOR;
    }

    /**
     * Whether the reader sees the buyer's billing details and the issuer's bank account on an invoice to that customer:
     * all but a vendor, who sees them on its own invoices only (it is their buyer), never on the pro-formas it declares.
     */
    public boolean seesPaymentDetails(Long customerId) {
        return kind != PartyScope.Kind.VENDOR || customerId != null && ids.contains(customerId);
    }

    /** The invoice's facts a single read is judged on; {@code vendorIds} are its lines' vendors (read only for a vendor). */
    public record Facts(InvoiceKind kind, Long customerId, Long issuerId, Set<Long> vendorIds) {
    }

    /** An invoice (not a pro-forma) of that customer and issuer. */
    public boolean includes(Long customerId, Long issuerId) {
        return includes(new Facts(InvoiceKind.INVOICE, customerId, issuerId, Set.of()));
    }

    public boolean includes(Facts invoice) {
        return switch (kind) {
            case ALL -> true;
            case CUSTOMER -> invoice.customerId() != null && ids.contains(invoice.customerId());
            case SELLER -> invoice.issuerId() != null && ids.contains(invoice.issuerId());
            case VENDOR -> invoice.customerId() != null && ids.contains(invoice.customerId())
                    || invoice.kind() == InvoiceKind.PRO_FORMA && invoice.issuerId() == null && !invoice.vendorIds().isEmpty()
                    && ids.containsAll(invoice.vendorIds());
            case CHANNEL, NONE -> false;
        };
    }

    /** Whether the vendors of the invoice's lines are needed to judge it (they cost a query). */
    public boolean needsVendors() {
        return kind == PartyScope.Kind.VENDOR;
    }
}
